/** A listener called whenever an observable value changes. */
export type Listener = () => void;

/**
 * Minimal observable base (after TanStack Query's `Subscribable`): subclasses call
 * {@link Subscribable.notify}; adapters such as React's `useSyncExternalStore` call `subscribe`.
 */
export class Subscribable {
  private readonly listeners = new Set<Listener>();

  /** Registers a listener; returns the function that removes it. */
  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** Whether anyone is listening. */
  hasListeners(): boolean {
    return this.listeners.size > 0;
  }

  protected notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
