import { type RefObject, useLayoutEffect, useRef } from 'react';

/** How close to the bottom (in CSS pixels) still counts as reading the latest message. */
const slack = 32;

/**
 * Keeps a scrolling log at its bottom as `content` changes (new messages, streamed text), unless
 * the reader has scrolled up to read something earlier.
 *
 * @example
 * const log = useStickToBottom<HTMLDivElement>(messages)
 * <div ref={log.ref} onScroll={log.onScroll} role="log">…</div>
 */
export function useStickToBottom<Element extends HTMLElement>(
  content: unknown,
): { ref: RefObject<Element | null>; onScroll: () => void } {
  const ref = useRef<Element>(null);
  const pinned = useRef(true);
  useLayoutEffect(() => {
    const element = ref.current;
    if (element && pinned.current) element.scrollTop = element.scrollHeight;
  }, [content]);
  const onScroll = () => {
    const element = ref.current;
    if (!element) return;
    pinned.current = element.scrollHeight - element.scrollTop - element.clientHeight <= slack;
  };
  return { ref, onScroll };
}
