/**
 * app/utils/document-stream.server.ts: the document response of every page. A complete render must
 * leave nothing behind (its abort timer held the whole render for 5 s: thousands of renders under
 * load, issue 18), and a render still waiting for data at the abort delay must still be given up.
 */
import { createElement as h, Suspense } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { streamDocument } from '../app/utils/document-stream.server';

const options = (waitForAll: boolean) => ({
  status: 200,
  headers: new Headers(),
  nonce: 'test-nonce',
  waitForAll,
  abortDelayMs: 5_000,
});

/** A component that waits for data that never comes. */
function Never(): never {
  throw new Promise(() => {});
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the document stream', () => {
  it.each([false, true])('leaves no timer once a page is sent (whole document at once: %s)', async (waitForAll) => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const response = await streamDocument(h('main', null, h('p', null, '执法练兵')), options(waitForAll));
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('<p>执法练兵</p>');
    // The body's close is announced on the next turn.
    await new Promise((r) => setImmediate(r));
    expect(vi.getTimerCount()).toBe(0);
  });

  it('gives up what is still pending at the abort delay, and sends the rest', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = await streamDocument(
      h('main', null, h('p', null, '已加载'), h(Suspense, { fallback: h('p', null, '加载中') }, h(Never))),
      { ...options(false), abortDelayMs: 50 },
    );
    const text = response.text();
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(50);
    const html = await text;
    expect(html).toContain('<p>已加载</p>');
    expect(html).toContain('加载中');
    // After the shell the error cannot change the status any more; it is logged, not silent.
    expect(String(logged.mock.calls[0]?.[0])).toContain('aborted');
    await new Promise((r) => setImmediate(r));
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stops the timer when the shell itself fails', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    function Broken(): never {
      throw new Error('页面出错');
    }
    await expect(streamDocument(h(Broken), options(false))).rejects.toThrow('页面出错');
    expect(vi.getTimerCount()).toBe(0);
  });
});
