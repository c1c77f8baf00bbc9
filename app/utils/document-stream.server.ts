// The HTML response of a document request: React's Node renderer piped into the Response Remix
// sends, with the render aborted if data it waits for has not come within the abort delay.
import { PassThrough } from 'node:stream';
import { createReadableStreamFromReadable } from '@remix-run/node';
import type { ReactNode } from 'react';
// Patched (docs/decisions/152): React 18.3 sent unwritten zero bytes inside Chinese text.
import { renderToPipeableStream } from 'react-dom/server';

export interface DocumentStreamOptions {
  status: number;
  headers: Headers;
  /** The nonce of this response's inline scripts (React's own included). */
  nonce: string;
  /** The whole document at once (bots, no-JS clients) rather than streamed from the shell. */
  waitForAll: boolean;
  /** How long the render may wait for deferred data before what is still pending is given up. */
  abortDelayMs: number;
}

export function streamDocument(element: ReactNode, options: DocumentStreamOptions): Promise<Response> {
  let status = options.status;
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    // Remix's template never clears this timer: after a complete response it still fired 5 s later,
    // and until then it held the whole render (its context, loader data, routes) — thousands of
    // them under load, a heap of hundreds of MB and its GC (docs/benchmarks.md, issue 18). A client
    // that goes away closes the body too; React aborts the render on that by itself.
    let abortTimer: ReturnType<typeof setTimeout> | undefined;
    const { pipe, abort } = renderToPipeableStream(element, {
      nonce: options.nonce,
      [options.waitForAll ? 'onAllReady' : 'onShellReady']() {
        shellRendered = true;
        const body = new PassThrough();
        body.once('close', () => clearTimeout(abortTimer));
        options.headers.set('Content-Type', 'text/html; charset=utf-8');
        resolve(new Response(createReadableStreamFromReadable(body), { headers: options.headers, status }));
        pipe(body);
      },
      onShellError(error: unknown) {
        clearTimeout(abortTimer);
        reject(error);
      },
      onError(error: unknown) {
        status = 500;
        // Errors after the shell are already streaming; log them so they are not silent.
        if (shellRendered) console.error(error);
      },
    });
    abortTimer = setTimeout(abort, options.abortDelayMs);
  });
}
