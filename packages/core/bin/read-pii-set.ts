import { InvalidInputError, type PiiType, piiTypes } from '@ondevice/core';
import { readTextFile } from './read-text-file.js';

/** One labelled line of a PII set: UTF-16 offsets into `text`, end exclusive. */
export interface LabelledPiiLine {
  text: string;
  entities: { start: number; end: number; type: PiiType }[];
  /** Line number in the file, for messages. */
  line: number;
}

/**
 * Parses a labelled PII set: JSONL, each line `{ "text": …, "entities": [{ "start", "end",
 * "type" }] }` with UTF-16 offsets (end exclusive) and types from `piiTypes`. Blank lines are
 * skipped.
 *
 * @throws {InvalidInputError} (parameter `file`) naming the line and what is wrong with it.
 * @example
 * parsePiiSet('{"text":"a@b.io","entities":[{"start":0,"end":6,"type":"EMAIL"}]}')
 */
export function parsePiiSet(content: string): LabelledPiiLine[] {
  const lines: LabelledPiiLine[] = [];
  for (const [index, raw] of content.split('\n').entries()) {
    if (raw.trim() === '') continue;
    const line = index + 1;
    const fail = (what: string): never => {
      throw new InvalidInputError({
        parameter: 'file',
        message: `line ${line}: ${what} Each line must be {"text": string, "entities": [{"start", "end", "type"}]}.`,
      });
    };
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      fail('not valid JSON.');
    }
    const record = parsed as { text?: unknown; entities?: unknown };
    if (typeof record !== 'object' || record === null || typeof record.text !== 'string') {
      fail('"text" is missing or not a string.');
    }
    if (!Array.isArray(record.entities)) fail('"entities" is missing or not an array.');
    const text = record.text as string;
    const entities = (record.entities as unknown[]).map((entity, at) => {
      const { start, end, type } = (entity ?? {}) as Record<string, unknown>;
      if (!Number.isInteger(start) || !Number.isInteger(end)) {
        fail(`entity ${at}: "start" and "end" must be integers.`);
      }
      if (
        (start as number) < 0 ||
        (end as number) <= (start as number) ||
        (end as number) > text.length
      ) {
        fail(
          `entity ${at}: offsets ${String(start)}–${String(end)} are outside the text (length ${text.length}) or empty.`,
        );
      }
      if (!piiTypes.includes(type as PiiType)) {
        fail(
          `entity ${at}: unknown type ${JSON.stringify(type)}; valid types: ${piiTypes.join(', ')}.`,
        );
      }
      return { start: start as number, end: end as number, type: type as PiiType };
    });
    lines.push({ text, entities, line });
  }
  if (lines.length === 0) {
    throw new InvalidInputError({ parameter: 'file', message: 'The file has no labelled lines.' });
  }
  return lines;
}

/**
 * Reads and parses a labelled PII set named on the command line.
 *
 * @throws {InvalidInputError} (parameter `file`) when it cannot be read or is malformed.
 * @example
 * const lines = await readPiiSet('packages/core/src/privacy/test-data/pii-main.jsonl')
 */
export async function readPiiSet(path: string): Promise<LabelledPiiLine[]> {
  const content = await readTextFile(path);
  try {
    return parsePiiSet(content);
  } catch (error) {
    if (InvalidInputError.isInstance(error)) {
      throw new InvalidInputError({
        parameter: 'file',
        message: `--file ${path}, ${error.message}`,
        cause: error,
      });
    }
    throw error;
  }
}
