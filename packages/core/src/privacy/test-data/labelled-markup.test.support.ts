// The labelled PII sets are written as markup: `⟦EMAIL|jane@example.com⟧` marks an entity of
// type EMAIL whose text is `jane@example.com`. The offsets of the JSONL lines are computed here
// from the markup, so they are exact (UTF-16 code units, end exclusive) whatever the text holds.

/** One labelled entity of a line: UTF-16 offsets into `text`, end exclusive. */
export interface LabelledEntity {
  start: number;
  end: number;
  type: string;
}

/** One line of a labelled set, as written to the JSONL files. */
export interface LabelledLine {
  text: string;
  entities: LabelledEntity[];
}

const open = '⟦';
const close = '⟧';

/**
 * Marks `value` as an entity of `type` in a template.
 *
 * @example
 * `write to ${tag('EMAIL', 'jane@example.com')}` // 'write to ⟦EMAIL|jane@example.com⟧'
 */
export function tag(type: string, value: string): string {
  if (value.includes(open) || value.includes(close)) {
    throw new TypeError(`a labelled value cannot hold ${open} or ${close}: ${value}`);
  }
  return `${open}${type}|${value}${close}`;
}

/**
 * The text and entities of a marked-up line.
 *
 * @example
 * parseMarkup('mail ⟦EMAIL|a@b.io⟧') // { text: 'mail a@b.io', entities: [{ start: 5, end: 11, type: 'EMAIL' }] }
 */
export function parseMarkup(markup: string): LabelledLine {
  let text = '';
  const entities: LabelledEntity[] = [];
  let at = 0;
  while (at < markup.length) {
    const start = markup.indexOf(open, at);
    if (start < 0) {
      text += markup.slice(at);
      break;
    }
    text += markup.slice(at, start);
    const end = markup.indexOf(close, start);
    const bar = markup.indexOf('|', start);
    if (end < 0 || bar < 0 || bar > end) throw new TypeError(`unbalanced markup: ${markup}`);
    const type = markup.slice(start + open.length, bar);
    const value = markup.slice(bar + 1, end);
    entities.push({ start: text.length, end: text.length + value.length, type });
    text += value;
    at = end + close.length;
  }
  return { text, entities };
}
