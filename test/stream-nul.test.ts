/**
 * patches/react-dom+18.3.1.patch (docs/decisions/152-no-nul-in-streamed-html.md): React 18.3's Node
 * renderer sent its whole 2,048-byte buffer when a Chinese character did not fit in the last one or
 * two bytes, so those unwritten zero bytes reached the page ("统一社会信\0用代码").
 */
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { Writable } from 'node:stream';
import { createElement, type ReactElement } from 'react';
import type { renderToPipeableStream as RenderToPipeableStream } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const reactDomDir = dirname(require.resolve('react-dom/package.json'));
// Vitest loads the development build; the server runs the production one. Both carry the fix.
const builds: Record<string, typeof RenderToPipeableStream> = {
  development: require(join(reactDomDir, 'cjs/react-dom-server.node.development.js')).renderToPipeableStream,
  production: require(join(reactDomDir, 'cjs/react-dom-server.node.production.min.js')).renderToPipeableStream,
};

function renderToBytes(render: typeof RenderToPipeableStream, element: ReactElement): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Uint8Array, _encoding, callback) {
        chunks.push(Buffer.from(chunk));
        callback();
      },
    });
    sink.on('finish', () => resolve(Buffer.concat(chunks)));
    sink.on('error', reject);
    const { pipe } = render(element, { onAllReady: () => pipe(sink), onShellError: reject, onError: reject });
  });
}

const TEXT = '统一社会信用代码（18位）：91130302MA0A1B2C3D；生产经营地址：河北省秦皇岛市青龙满族自治县';

/** ASCII padding in pieces small enough to be buffered, then the Chinese text across the buffer's end. */
const page = (padding: number) =>
  createElement(
    'main',
    null,
    Array.from({ length: Math.ceil(padding / 500) }, (_, i) =>
      createElement('i', { key: i }, 'a'.repeat(Math.min(500, padding - i * 500))),
    ),
    createElement('p', null, TEXT.repeat(4)),
  );

describe('streamed HTML (patched react-dom/server)', () => {
  for (const [name, render] of Object.entries(builds)) {
    it(`${name}: no NUL byte and the same text, wherever the 2,048-byte buffer ends inside a character`, async () => {
      for (let padding = 1600; padding <= 2060; padding++) {
        const bytes = await renderToBytes(render, page(padding));
        expect(bytes.indexOf(0), `padding ${padding}`).toBe(-1);
        const html = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        expect(html, `padding ${padding}`).toContain(`<p>${TEXT.repeat(4)}</p>`);
      }
    });
  }
});
