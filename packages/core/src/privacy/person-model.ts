// The names compromise finds (its people() view: a lexicon of first names and surnames and the
// grammar around them). Imported by redactPII() with a dynamic import(), and only when PERSON
// is not allowed, so compromise (about 110 kB gzip) is never part of an app's first load.
import nlp from 'compromise';
import { abortErrorFor } from '../util/abort.js';
import { yieldToEventLoop } from '../util/yield-to-event-loop.js';
import type { PiiSpan } from './pii-span.js';
import { nameTitle, trimName } from './person-names.js';

interface TermJson {
  text: string;
  offset: { start: number; length: number };
}

/** Texts are read in pieces of about this many characters, cut after a line or a sentence. */
const pieceLength = 2000;

const titleTerm = new RegExp(`^${nameTitle}$`, 'u');

/**
 * The names compromise's people() finds in `text`, trimmed to their name words (no title, no
 * possessive, no trailing lower-case word). Long texts are read a piece at a time with a yield
 * to the event loop between pieces, where `signal` is checked.
 *
 * @throws {AbortError} when `signal` fires.
 * @example
 * await findPeople('Meeting with Ingrid Lopez and Omar Mensah') // two spans
 */
export async function findPeople(text: string, signal?: AbortSignal): Promise<PiiSpan[]> {
  const spans: PiiSpan[] = [];
  let offset = 0;
  for (const piece of piecesOf(text)) {
    if (offset > 0) {
      await yieldToEventLoop();
      if (signal?.aborted) throw abortErrorFor(signal, 'redactPII()');
    }
    const people = nlp(piece)
      .people()
      .json({ offset: true, terms: { offset: true } }) as {
      terms: TermJson[];
    }[];
    for (const person of people) {
      const terms = person.terms.filter((term, index) => index > 0 || !titleTerm.test(term.text));
      const first = terms[0];
      const last = terms.at(-1);
      if (!first || !last) continue;
      const start = first.offset.start;
      const end = last.offset.start + last.offset.length;
      const trimmed = trimName(piece.slice(start, end), start);
      if (trimmed)
        spans.push({ start: offset + trimmed.start, end: offset + trimmed.end, type: 'PERSON' });
    }
    offset += piece.length;
  }
  return spans;
}

/** `text` cut into pieces of about `pieceLength` characters, after a newline or a sentence. */
function piecesOf(text: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  while (text.length - start > pieceLength) {
    const window = text.slice(start, start + pieceLength);
    const cut = Math.max(
      window.lastIndexOf('\n'),
      window.lastIndexOf('. '),
      window.lastIndexOf('! '),
      window.lastIndexOf('? '),
    );
    const end = start + (cut > pieceLength / 2 ? cut + 1 : pieceLength);
    pieces.push(text.slice(start, end));
    start = end;
  }
  pieces.push(text.slice(start));
  return pieces;
}
