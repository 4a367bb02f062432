import { AbortError, InvalidInputError, RuntimeError } from '@ondevice/errors';
import { createClient } from '../client/create-client.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RequestObserver } from './request-observer.js';

// The observer's own logic (debounce, abort, previous data), driven by a run function the test
// controls. The model handle is a real client's, never loaded: it only reports `progress`.
const client = createClient({ backend: 'wasm' });

interface Call {
  text: string;
  signal: AbortSignal;
  resolve(value: string): void;
  reject(error: unknown): void;
}

function observerWithCalls() {
  const calls: Call[] = [];
  const observer = new RequestObserver<string, string>({
    model: client.model(),
    keyOf: (text) => text,
    run: (text, signal) =>
      new Promise<string>((resolve, reject) => {
        calls.push({ text, signal, resolve, reject });
        signal.addEventListener('abort', () =>
          reject(new AbortError({ message: 'aborted in test' })),
        );
      }),
    description: 'Test request',
  });
  return { observer, calls };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  vi.useRealTimers();
});

describe('RequestObserver', () => {
  it('is idle without input and computes nothing without listeners', () => {
    const { observer, calls } = observerWithCalls();
    expect(observer.getSnapshot()).toMatchObject({ status: 'idle', data: undefined });
    observer.setOptions({ input: 'hello' });
    expect(observer.getSnapshot().status).toBe('loading');
    expect(calls).toHaveLength(0);
  });

  it('computes the first input at once and debounces later changes, aborting the stale one', async () => {
    vi.useFakeTimers();
    const { observer, calls } = observerWithCalls();
    const stop = observer.subscribe(() => {});
    observer.setOptions({ input: 'first', debounceMs: 150 });
    expect(calls.map((call) => call.text)).toEqual(['first']);

    observer.setOptions({ input: 'second', debounceMs: 150 });
    expect(calls[0]?.signal.aborted).toBe(true);
    observer.setOptions({ input: 'third', debounceMs: 150 });
    await vi.advanceTimersByTimeAsync(149);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls.map((call) => call.text)).toEqual(['first', 'third']);
    stop();
  });

  it('keeps the last data while the next input computes, and never publishes a stale result', async () => {
    const { observer, calls } = observerWithCalls();
    const stop = observer.subscribe(() => {});
    observer.setOptions({ input: 'one' });
    calls[0]?.resolve('ONE');
    await tick();
    expect(observer.getSnapshot()).toMatchObject({ status: 'success', data: 'ONE' });

    observer.setOptions({ input: 'two' });
    expect(observer.getSnapshot()).toMatchObject({ status: 'loading', data: 'ONE' });
    // A request that settles after it was superseded is ignored.
    calls[0]?.resolve('late');
    observer.setOptions({ input: 'three' });
    calls[1]?.resolve('TWO (stale)');
    await tick();
    expect(observer.getSnapshot()).toMatchObject({ status: 'loading', data: 'ONE' });
    calls[2]?.resolve('THREE');
    await tick();
    expect(observer.getSnapshot()).toMatchObject({ status: 'success', data: 'THREE' });
    stop();
  });

  it('returns to a settled input without asking again', async () => {
    const { observer, calls } = observerWithCalls();
    const stop = observer.subscribe(() => {});
    observer.setOptions({ input: 'a' });
    calls[0]?.resolve('A');
    await tick();
    observer.setOptions({ input: 'b' });
    observer.setOptions({ input: 'a' });
    expect(observer.getSnapshot()).toMatchObject({ status: 'success', data: 'A' });
    expect(calls).toHaveLength(2);
    expect(calls[1]?.signal.aborted).toBe(true);
    stop();
  });

  it('aborts when the last listener leaves, and retries a failure for a new listener', async () => {
    const { observer, calls } = observerWithCalls();
    const stop = observer.subscribe(() => {});
    observer.setOptions({ input: 'x' });
    stop();
    expect(calls[0]?.signal.aborted).toBe(true);

    const again = observer.subscribe(() => {});
    calls[1]?.reject(new InvalidInputError({ parameter: 'text', message: 'bad text' }));
    await tick();
    const failed = observer.getSnapshot();
    expect(failed.status).toBe('error');
    expect(InvalidInputError.isInstance(failed.error)).toBe(true);
    again();
    const third = observer.subscribe(() => {});
    expect(calls).toHaveLength(3);
    third();
  });

  it('wraps foreign failures, synchronous throws included, in a RuntimeError', async () => {
    const observer = new RequestObserver<string, string>({
      model: client.model(),
      keyOf: (text) => text,
      run: () => {
        throw new TypeError('boom');
      },
      description: 'Test request',
    });
    const stop = observer.subscribe(() => {});
    observer.setOptions({ input: 'x' });
    await tick();
    const { error } = observer.getSnapshot();
    expect(RuntimeError.isInstance(error)).toBe(true);
    expect(error?.message).toBe('Test request failed: TypeError: boom');
    stop();
  });

  it('stays idle when disabled and notifies listeners only on change', async () => {
    const { observer, calls } = observerWithCalls();
    const listener = vi.fn();
    const stop = observer.subscribe(listener);
    observer.setOptions({ input: 'x', enabled: false });
    expect(observer.getSnapshot().status).toBe('idle');
    expect(calls).toHaveLength(0);
    listener.mockClear();
    observer.setOptions({ input: 'x', enabled: false });
    expect(listener).not.toHaveBeenCalled();
    observer.setOptions({ input: 'x' });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(calls).toHaveLength(1);
    stop();
  });
});
