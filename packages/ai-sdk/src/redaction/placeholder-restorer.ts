import { piiTypes } from '@ondevice/core';

/**
 * Restores placeholders in a text that arrives in pieces, where a placeholder may be split
 * across pieces (`[EMA` + `IL_1]`): `write()` returns at once everything that cannot be the
 * start of a placeholder, restored, and holds back only a possible placeholder prefix (from the
 * last `[`); `flush()` returns what is held, at the end of the text.
 *
 * @example
 * const restorer = new PlaceholderRestorer(redaction.restore)
 * restorer.write('Mail [EMA') // 'Mail '
 * restorer.write('IL_1] now') // 'jane@example.com now'
 * restorer.flush() // ''
 */
export class PlaceholderRestorer {
  private held = '';

  constructor(private readonly restore: (text: string) => string) {}

  /** Takes the next piece; returns the text that can be shown now, restored. */
  write(piece: string): string {
    const text = this.held + piece;
    const open = text.lastIndexOf('[');
    const keep = open !== -1 && isPlaceholderPrefix(text.slice(open)) ? open : text.length;
    this.held = text.slice(keep);
    return this.restore(text.slice(0, keep));
  }

  /** Ends the text: returns what was held back (an unfinished `[…` that was no placeholder). */
  flush(): string {
    const text = this.held;
    this.held = '';
    return this.restore(text);
  }
}

/** Whether `tail` (from a `[`, without a `]`) may still grow into `[TYPE_123]`. */
function isPlaceholderPrefix(tail: string): boolean {
  return piiTypes.some((type) => {
    const head = `[${type}_`;
    return (
      head.startsWith(tail) || (tail.startsWith(head) && /^\d*$/.test(tail.slice(head.length)))
    );
  });
}
