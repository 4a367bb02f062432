/**
 * A listener called whenever an observable value changes.
 *
 * @example
 * const listener: Listener = () => render(observer.getSnapshot())
 */
export type Listener = () => void;

/**
 * Minimal observable base (after TanStack Query's `Subscribable`): subclasses call
 * {@link Subscribable.notify}; adapters such as React's `useSyncExternalStore` call `subscribe`.
 * `onSubscribe` and `onUnsubscribe` let a subclass start work with its first listener and stop
 * it with its last.
 *
 * @example
 * class Counter extends Subscribable {
 *   value = 0
 *   increment() { this.value += 1; this.notify() }
 * }
 */
export class Subscribable {
  private readonly listeners = new Set<Listener>();

  /** Registers a listener; returns the function that removes it. */
  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    this.onSubscribe();
    return () => {
      if (!this.listeners.delete(listener)) return;
      this.onUnsubscribe();
    };
  };

  /** Whether anyone is listening. */
  hasListeners(): boolean {
    return this.listeners.size > 0;
  }

  /** Number of listeners. */
  protected get listenerCount(): number {
    return this.listeners.size;
  }

  /** Called after a listener was added. */
  protected onSubscribe(): void {}

  /** Called after a listener was removed. */
  protected onUnsubscribe(): void {}

  /** Removes every listener, without calling `onUnsubscribe`. */
  protected clearListeners(): void {
    this.listeners.clear();
  }

  protected notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
