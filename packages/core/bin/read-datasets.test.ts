import { InvalidInputError } from '@ondevice/core';
import { describe, expect, it } from 'vitest';
import { parseAgNews } from './read-agnews.js';
import { parseBanking77 } from './read-banking77.js';
import { parseSst2 } from './read-sst2.js';

describe('parseSst2', () => {
  it('reads sentence<TAB>label with or without the header, trimming the sentence', () => {
    const rows = "it 's a charming journey . \t1\nunflinchingly bleak \t0\n";
    const expected = [
      { text: "it 's a charming journey .", label: 'positive', line: 1 },
      { text: 'unflinchingly bleak', label: 'negative', line: 2 },
    ];
    expect(parseSst2(rows)).toEqual(expected);
    expect(parseSst2(`sentence\tlabel\r\n${rows.replaceAll('\n', '\r\n')}`)).toEqual(
      expected.map((example) => ({ ...example, line: example.line + 1 })),
    );
  });

  it('keeps quotes as ordinary characters', () => {
    expect(parseSst2('"quoted\t1\nnot "really\t0\n')[0]?.text).toBe('"quoted');
  });

  it('names the line of a bad row', () => {
    expect(() => parseSst2('a\t1\nb\t2\n', 'dev.tsv')).toThrow(
      /dev\.tsv, line 2: the label should be 0 \(negative\) or 1 \(positive\); got "2"/,
    );
    expect(() => parseSst2('a\t1\nno label\n', 'dev.tsv')).toThrow(
      /line 2: expected 2 tab-separated fields/,
    );
    expect(() => parseSst2('a\t1\n \t0\n')).toThrow(/line 2: the sentence is empty/);
    expect(() => parseSst2('sentence\tlabel\na\t1\n')).toThrow(InvalidInputError);
  });

  it('needs two classes', () => {
    expect(() => parseSst2('a\t1\nb\t1\n')).toThrow(/in 1 class\(es\)/);
  });
});

describe('parseAgNews', () => {
  const csv = [
    '"3","Wall St. Bears Claw Back","Reuters - Short-sellers, Wall Street\'s ""dwindling"" band"',
    '"2","Zidane","Real Madrid\\star retires"',
    '"4","IBM","Big Blue\nsecond line"',
  ].join('\n');

  it('reads class, title and description; the text is title + " " + description', () => {
    expect(parseAgNews(csv)).toEqual([
      {
        text: 'Wall St. Bears Claw Back Reuters - Short-sellers, Wall Street\'s "dwindling" band',
        label: 'Business',
        line: 1,
      },
      { text: 'Zidane Real Madrid\\star retires', label: 'Sports', line: 2 },
      { text: 'IBM Big Blue\nsecond line', label: 'Sci/Tech', line: 3 },
    ]);
  });

  it('skips a header row', () => {
    expect(parseAgNews(`class,title,description\n${csv}`)).toHaveLength(3);
  });

  it('names the line of a bad record', () => {
    expect(() => parseAgNews(`${csv}\n"5","x","y"`, 'dev.csv')).toThrow(
      /dev\.csv, line 5: the class should be 1 \(World\), 2 \(Sports\), 3 \(Business\) or 4 \(Sci\/Tech\); got "5"/,
    );
    expect(() => parseAgNews(`${csv}\n"1","only title"`)).toThrow(
      /line 5: expected 3 comma-separated fields/,
    );
    expect(() => parseAgNews(`${csv}\n"1","",""`)).toThrow(/line 5: both the title and/);
    expect(() => parseAgNews(`${csv}\n"1","unclosed`)).toThrow(InvalidInputError);
  });
});

describe('parseBanking77', () => {
  const csv =
    'text,category\r\nI am still waiting on my card?,card_arrival\r\n"Is it lost, or coming?",card_arrival\r\nWhat rate do you use?,exchange_rate\r\n';

  it('reads text and category with or without the header, quoted texts included', () => {
    const examples = parseBanking77(csv);
    expect(examples).toEqual([
      { text: 'I am still waiting on my card?', label: 'card_arrival', line: 2 },
      { text: 'Is it lost, or coming?', label: 'card_arrival', line: 3 },
      { text: 'What rate do you use?', label: 'exchange_rate', line: 4 },
    ]);
    expect(parseBanking77(csv.slice('text,category\r\n'.length))).toHaveLength(3);
  });

  it('names the line of a bad record', () => {
    expect(() =>
      parseBanking77(`${csv}Is it lost, or coming?,card_arrival\n`, 'train.csv'),
    ).toThrow(
      /train\.csv, line 5: expected 2 comma-separated fields \(text, category\); got 3\. Quote a text/,
    );
    expect(() => parseBanking77(`${csv}hello,Card Arrival\n`)).toThrow(
      /line 5: the category should be an intent name without spaces/,
    );
    expect(() => parseBanking77(`${csv}"",card_arrival\n`)).toThrow(/line 5: the text is empty/);
  });
});
