import type { TypingRecord } from './bench-results.js';
import { recordLongTasks } from './long-task-recorder.js';

/** How the recorder reads a widget: where keys go, what to watch, when the badge is current. */
export interface TypedWidget {
  /** The text field the keys are typed into. */
  field: HTMLTextAreaElement | HTMLInputElement;
  /** The element whose subtree changes when the badge updates. */
  watch: Element;
  /** True when the badge shows the result for the field's current text. */
  badgeIsCurrent(): boolean;
}

/**
 * Records, for each keystroke into the widget, when it happened (the keydown event's
 * timestamp) and when the badge first showed the result for the text it produced: the first
 * DOM change of the widget after which `badgeIsCurrent()` holds, before the next key. A key
 * followed by another too soon never gets a result of its own (the widget debounces); its
 * `resolvedAt` stays null. Main-thread long tasks and the longest keystroke event (Event
 * Timing) are recorded meanwhile.
 *
 * @example
 * const stop = recordTyping(widget)
 * // … type …
 * const record = await stop()
 */
export function recordTyping(widget: TypedWidget): () => Promise<TypingRecord> {
  const keystrokes: TypingRecord['keystrokes'] = [];
  let latest: { at: number; resolvedAt: number | null; applied: boolean } | undefined;
  const check = () => {
    if (latest && latest.applied && latest.resolvedAt === null && widget.badgeIsCurrent()) {
      latest.resolvedAt = performance.now();
    }
  };
  const onKeyDown = (event: Event) => {
    latest = { at: event.timeStamp, resolvedAt: null, applied: false };
    keystrokes.push(latest);
  };
  // The text changes on `input`; only from then on can the badge be current for it. No check
  // here: a framework may not have re-rendered the badge yet, so it could still look current.
  const onInput = () => {
    if (latest) latest.applied = true;
  };
  widget.field.addEventListener('keydown', onKeyDown, { capture: true });
  widget.field.addEventListener('input', onInput);
  const mutations = new MutationObserver(check);
  mutations.observe(widget.watch, {
    subtree: true,
    childList: true,
    attributes: true,
    characterData: true,
  });
  let longestEventMs = 0;
  const events = new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      longestEventMs = Math.max(longestEventMs, entry.duration);
  });
  events.observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
  const stopLongTasks = recordLongTasks();
  return async () => {
    const longTasks = await stopLongTasks();
    for (const entry of events.takeRecords())
      longestEventMs = Math.max(longestEventMs, entry.duration);
    events.disconnect();
    mutations.disconnect();
    widget.field.removeEventListener('keydown', onKeyDown, { capture: true });
    widget.field.removeEventListener('input', onInput);
    return {
      keystrokes: keystrokes.map(({ at, resolvedAt }) => ({ at, resolvedAt })),
      longTasks,
      longestEventMs: Math.round(longestEventMs),
    };
  };
}
