import { InvalidInputError } from '@ondevice/errors';

/**
 * One CSV record and the line it starts on (1-based), for error messages.
 *
 * @example
 * const [header, ...rows] = parseCsv(text) // each { line, fields }
 */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * Parses comma-separated values as RFC 4180 writes them: a field may be wrapped in double
 * quotes, inside which commas and line breaks are data and `""` is one quote. Records end at
 * LF or CRLF; blank lines are skipped.
 *
 * @throws {InvalidInputError} naming the line of an unterminated quoted field or of text
 *   between a closing quote and the next comma.
 * @example
 * parseCsv('"3","Wall St. ""Bears""","Short, sellers"\n')
 * // [{ line: 1, fields: ['3', 'Wall St. "Bears"', 'Short, sellers'] }]
 */
export function parseCsv(text: string, source = 'CSV data'): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let index = 0;
  // True once the current record has any content (a blank line yields no record).
  let started = false;

  const endField = () => {
    fields.push(field);
    field = '';
  };
  const endRecord = () => {
    if (started) records.push({ line: recordLine, fields });
    fields = [];
    started = false;
  };

  while (index < text.length) {
    const char = text[index] as string;
    if (char === '"' && field === '') {
      // Quoted field: read to the closing quote.
      started = true;
      const openedOn = line;
      index += 1;
      for (;;) {
        if (index >= text.length) {
          throw new InvalidInputError({
            parameter: 'file',
            message: `${source}, line ${openedOn}: a quoted field is never closed (expected a closing ").`,
          });
        }
        const inner = text[index] as string;
        if (inner === '"') {
          if (text[index + 1] === '"') {
            field += '"';
            index += 2;
            continue;
          }
          index += 1;
          break;
        }
        if (inner === '\n') line += 1;
        field += inner;
        index += 1;
      }
      const next = text[index];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        throw new InvalidInputError({
          parameter: 'file',
          message: `${source}, line ${line}: unexpected ${JSON.stringify(next)} after a closing quote; a quoted field must end at a comma or the end of the line (write a quote inside quotes as "").`,
        });
      }
      continue;
    }
    if (char === ',') {
      started = true;
      endField();
      index += 1;
      continue;
    }
    if (char === '\r' && text[index + 1] === '\n') {
      index += 1;
      continue;
    }
    if (char === '\n') {
      if (started) endField();
      endRecord();
      line += 1;
      recordLine = line;
      index += 1;
      continue;
    }
    started = true;
    field += char;
    index += 1;
  }
  if (started) {
    endField();
    endRecord();
  }
  return records;
}
