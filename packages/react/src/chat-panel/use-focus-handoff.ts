import { type RefObject, useLayoutEffect, useRef } from 'react';

/** The chat panel's controls that come and go (or turn disabled) with the status. */
export type ChatControl = 'send' | 'stop' | 'retry';

/** The elements that focus can be handed to. */
export interface ChatFocusTargets {
  draft: RefObject<HTMLTextAreaElement | null>;
  send: RefObject<HTMLButtonElement | null>;
  stop: RefObject<HTMLButtonElement | null>;
  retry: RefObject<HTMLButtonElement | null>;
}

/**
 * Hands keyboard focus on when the control that has it goes away: when a request starts, Send
 * turns disabled and Retry disappears (focus moves to Stop); when it ends, Stop disappears
 * (focus moves to Retry after a failure, else back to the message box). Without this, focus
 * drops to the page and keyboard users lose their place. Returns the focus handlers that each
 * control spreads, so that a control removed before the effect runs is still known to have had
 * focus.
 *
 * @example
 * const focusHandlers = useFocusHandoff(busy, status === 'error', { draft, send, stop, retry })
 * <button ref={stop} {...focusHandlers('stop')}>Stop</button>
 */
export function useFocusHandoff(
  busy: boolean,
  failed: boolean,
  targets: ChatFocusTargets,
): (control: ChatControl) => {
  onFocus: () => void;
  onBlur: (event: { relatedTarget: unknown }) => void;
} {
  const focused = useRef<ChatControl | undefined>(undefined);
  const wasBusy = useRef(busy);
  useLayoutEffect(() => {
    if (wasBusy.current === busy) return;
    wasBusy.current = busy;
    const from: ChatControl[] = busy ? ['send', 'retry'] : ['stop'];
    const document = targets.draft.current?.ownerDocument;
    const active = document?.activeElement;
    const dropped = !active || active === document?.body;
    const had =
      from.some((control) => active === targets[control].current) ||
      (dropped && focused.current !== undefined && from.includes(focused.current));
    if (!had) return;
    const to = busy ? targets.stop.current : failed ? targets.retry.current : null;
    (to ?? targets.draft.current)?.focus();
  }, [busy, failed, targets]);
  return (control) => ({
    onFocus: () => {
      focused.current = control;
    },
    onBlur: (event) => {
      // Focus moved somewhere on purpose; a removed control's blur has no related target.
      if (event.relatedTarget) focused.current = undefined;
    },
  });
}
