// The names compromise finds (its people() view: a lexicon of first names and surnames and the
// grammar around them). Imported by redactPII() with a dynamic import(), and only when PERSON
// is not allowed, so compromise (about 140 kB gzip) is never part of an app's first load.
import nlp from 'compromise';
import { abortErrorFor } from '../util/abort.js';
import { yieldToEventLoop } from '../util/yield-to-event-loop.js';
import type { PiiSpan } from './pii-span.js';
import { isNotAName, nameTitle, nameWord, trimName } from './person-names.js';

interface TermJson {
  text: string;
  offset: { start: number; length: number };
}

/** Stretches of text read at once are cut after a sentence once they reach this length. */
const stretchLength = 2000;

const titleTerm = new RegExp(`^${nameTitle}$`, 'u');
const candidateWord = new RegExp(`(?<![\\p{L}\\p{M}'’-])${nameWord}(?![\\p{L}\\p{M}])`, 'gu');
/** A sentence ends at . ! ? before a space (not after a title or an abbreviation), or a line. */
const sentenceEnd = /(?<!\b(?:Mr|Mrs|Ms|Mx|Dr|Prof|St|Sr|Jr|vs|etc|e\.g|i\.e))[.!?]+(?=\s)|\n/g;

/**
 * The names compromise's people() finds in `text`, trimmed to their name words (no title, no
 * possessive, no trailing lower-case word). compromise reads only the sentences with a
 * capitalised word that could be a name (not The, Please, Monday…), consecutive ones together
 * up to about 2,000 characters, with a yield to the event loop between stretches, where
 * `signal` is checked: tagging is most of redactPII()'s time.
 *
 * @throws {AbortError} when `signal` fires.
 * @example
 * await findPeople('Meeting with Ingrid Lopez and Omar Mensah') // two spans
 */
export async function findPeople(text: string, signal?: AbortSignal): Promise<PiiSpan[]> {
  const spans: PiiSpan[] = [];
  for (const [index, stretch] of stretchesToRead(text).entries()) {
    if (index > 0) {
      await yieldToEventLoop();
      if (signal?.aborted) throw abortErrorFor(signal, 'redactPII()');
    }
    const piece = text.slice(stretch.start, stretch.end);
    const people = nlp(piece)
      .people()
      .json({ offset: true, terms: { offset: true } }) as { terms: TermJson[] }[];
    for (const person of people) {
      const terms = person.terms.filter((term, at) => at > 0 || !titleTerm.test(term.text));
      const first = terms[0];
      const last = terms.at(-1);
      if (!first || !last) continue;
      const start = first.offset.start;
      const end = last.offset.start + last.offset.length;
      const trimmed = trimName(piece.slice(start, end), start);
      if (trimmed) {
        spans.push({
          start: stretch.start + trimmed.start,
          end: stretch.start + trimmed.end,
          type: 'PERSON',
        });
      }
    }
  }
  return spans;
}

/** The stretches of `text` worth reading: runs of sentences that hold a possible name. */
function stretchesToRead(text: string): { start: number; end: number }[] {
  const stretches: { start: number; end: number }[] = [];
  let sentenceStart = 0;
  const take = (end: number) => {
    const sentence = text.slice(sentenceStart, end);
    const possible = [...sentence.matchAll(candidateWord)].some((word) => !isNotAName(word[0]));
    if (possible) {
      const last = stretches.at(-1);
      if (last && last.end === sentenceStart && end - last.start <= stretchLength) last.end = end;
      else stretches.push({ start: sentenceStart, end });
    }
    sentenceStart = end;
  };
  sentenceEnd.lastIndex = 0;
  for (let match = sentenceEnd.exec(text); match; match = sentenceEnd.exec(text)) {
    take(match.index + match[0].length);
  }
  if (sentenceStart < text.length) take(text.length);
  return stretches;
}
