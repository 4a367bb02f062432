import { InvalidInputError } from '@ondevice/errors';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './parse-csv.js';

describe('parseCsv', () => {
  it('reads plain and quoted fields, with "" as a quote and commas inside quotes', () => {
    expect(parseCsv('a,b,c\n"x, y","say ""hi""",\n')).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x, y', 'say "hi"', ''] },
    ]);
  });

  it('keeps line breaks inside quotes and numbers records by the line they start on', () => {
    expect(parseCsv('"two\nlines",1\r\nnext,2')).toEqual([
      { line: 1, fields: ['two\nlines', '1'] },
      { line: 3, fields: ['next', '2'] },
    ]);
  });

  it('accepts CRLF, skips blank lines and keeps empty fields', () => {
    expect(parseCsv('a,b\r\n\r\n,\r\n""\r\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 3, fields: ['', ''] },
      { line: 4, fields: [''] },
    ]);
  });

  it('treats a quote inside an unquoted field as data', () => {
    expect(parseCsv('5" screen,x')).toEqual([{ line: 1, fields: ['5" screen', 'x'] }]);
  });

  it('names the line of an unterminated quote or of text after a closing quote', () => {
    expect(() => parseCsv('ok\n"never closed,1\n', 'x.csv')).toThrow(
      /x\.csv, line 2: a quoted field is never closed/,
    );
    expect(() => parseCsv('a\n"quoted"tail,1', 'x.csv')).toThrow(
      /x\.csv, line 2: unexpected "t" after a closing quote/,
    );
    expect(() => parseCsv('"a"b')).toThrow(InvalidInputError);
  });
});
