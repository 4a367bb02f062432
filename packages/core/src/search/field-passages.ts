/** Words of one passage at most: USE-lite reads 128 tokens, about 90 words. */
export const passageWords = 80;

/** Passages of one field at most; words past them are still found by keyword search. */
export const maximumPassagesPerField = 64;

/**
 * A piece of a field's text embedded on its own, by UTF-16 offsets into the field.
 *
 * @example
 * const passage: FieldPassage = { start: 0, end: 42 }
 */
export interface FieldPassage {
  start: number;
  end: number;
}

/**
 * Splits a field's text into passages of at most `maximumWords` words, ending at sentence ends
 * where it can (a longer sentence is cut between words), as offsets so a hit can show where its
 * meaning matched. A text of at most `maximumWords` words is one passage; blank text is none.
 *
 * @example
 * fieldPassages('One. Two.') // [{ start: 0, end: 9 }]
 */
export function fieldPassages(
  text: string,
  maximumWords = passageWords,
  maximumPassages = maximumPassagesPerField,
): FieldPassage[] {
  const words = [...text.matchAll(/\S+/g)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    sentenceEnd: /[.!?…]["')\]]*$/.test(match[0]),
  }));
  if (words.length === 0) return [];
  if (words.length <= maximumWords) {
    return [
      { start: (words[0] as { start: number }).start, end: (words.at(-1) as { end: number }).end },
    ];
  }
  const passages: FieldPassage[] = [];
  let first = 0;
  while (first < words.length && passages.length < maximumPassages) {
    const limit = Math.min(first + maximumWords, words.length);
    let last = limit - 1;
    if (limit < words.length) {
      // End at the last sentence end in the window, when there is one past its first half.
      for (let index = limit - 1; index >= first + maximumWords / 2; index -= 1) {
        if ((words[index] as { sentenceEnd: boolean }).sentenceEnd) {
          last = index;
          break;
        }
      }
    }
    passages.push({
      start: (words[first] as { start: number }).start,
      end: (words[last] as { end: number }).end,
    });
    first = last + 1;
  }
  return passages;
}
