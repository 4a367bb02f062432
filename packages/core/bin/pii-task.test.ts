import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exitCodes, runEvalCli } from './eval-cli.js';
import { parseEvalArgs } from './parse-eval-args.js';
import { countMatches, figuresOf } from './pii-metrics.js';
import { parsePiiSet } from './read-pii-set.js';

const testData = fileURLToPath(new URL('../src/privacy/test-data/', import.meta.url));

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runEvalCli(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  return { code, stdout, stderr };
}

interface PiiJsonLine {
  task: string;
  metric: string;
  value: number;
  n: number;
  byType: Record<string, { precision: number; recall: number; f1: number; support: number }>;
  structured: { precision: number; recall: number; f1: number; support: number };
  partial: { f1: number; byType: Record<string, unknown> };
}

describe('pii metrics', () => {
  it('counts exact matches and same-type overlaps', () => {
    const lines = [
      {
        labelled: [
          { start: 0, end: 5, type: 'PERSON' as const },
          { start: 10, end: 20, type: 'EMAIL' as const },
        ],
        predicted: [
          { start: 0, end: 11, type: 'PERSON' as const },
          { start: 10, end: 20, type: 'EMAIL' as const },
          { start: 30, end: 35, type: 'PHONE' as const },
        ],
      },
    ];
    const exact = countMatches(lines, 'exact');
    expect(figuresOf(exact, ['EMAIL'])).toEqual({ precision: 1, recall: 1, f1: 1, support: 1 });
    expect(figuresOf(exact, ['PERSON'])).toMatchObject({ precision: 0, recall: 0, f1: 0 });
    expect(figuresOf(exact, ['PHONE'])).toMatchObject({ precision: 0, recall: 1, support: 0 });
    const partial = countMatches(lines, 'partial');
    expect(figuresOf(partial, ['PERSON'])).toMatchObject({ precision: 1, recall: 1 });
    const all = figuresOf(exact, ['PERSON', 'EMAIL', 'PHONE']);
    expect(all.precision).toBeCloseTo(1 / 3);
    expect(all.recall).toBeCloseTo(1 / 2);
  });
});

describe('parsePiiSet', () => {
  it('reads JSONL lines and skips blank ones', () => {
    expect(
      parsePiiSet('{"text":"a@b.io","entities":[{"start":0,"end":6,"type":"EMAIL"}]}\n\n'),
    ).toEqual([{ text: 'a@b.io', entities: [{ start: 0, end: 6, type: 'EMAIL' }], line: 1 }]);
  });

  it.each([
    ['{"text":"x"', /line 1: not valid JSON/],
    ['{"entities":[]}', /line 1: "text" is missing/],
    ['{"text":"x"}', /line 1: "entities" is missing/],
    [
      '{"text":"x","entities":[]}\n{"text":"ab","entities":[{"start":1,"end":5,"type":"EMAIL"}]}',
      /line 2: entity 0: offsets 1–5 are outside/,
    ],
    [
      '{"text":"ab","entities":[{"start":0,"end":1,"type":"NAME"}]}',
      /unknown type "NAME"; valid types: EMAIL, PHONE/,
    ],
    ['{"text":"ab","entities":[{"start":"0","end":1,"type":"EMAIL"}]}', /must be integers/],
    ['\n', /no labelled lines/],
  ])('rejects %j', (content, message) => {
    expect(() => parsePiiSet(content)).toThrow(message);
  });
});

describe('the pii command line', () => {
  it('takes --file only', () => {
    expect(parseEvalArgs(['pii', '--file', 'set.jsonl'])).toMatchObject({
      task: 'pii',
      inputs: { file: 'set.jsonl' },
    });
    expect(() => parseEvalArgs(['pii'])).toThrow(/Missing --file <path>: the pii data file/);
    expect(() => parseEvalArgs(['pii', '--file', 'x', '--seed', '1'])).toThrow(
      /--seed does not apply to pii/,
    );
  });

  it.each([
    [join(tmpdir(), 'ondevice-no-such-set.jsonl'), /Cannot read --file .*: no such file/],
    ['bad', /line 2: entity 0: unknown type "NAME"/],
  ])('rejects %s with exit code 2, before redacting', async (file, message) => {
    let path = file;
    if (file === 'bad') {
      path = join(mkdtempSync(join(tmpdir(), 'ondevice-eval-pii-')), 'bad.jsonl');
      writeFileSync(
        path,
        '{"text":"ok","entities":[]}\n{"text":"Ana","entities":[{"start":0,"end":3,"type":"NAME"}]}\n',
      );
    }
    const { code, stdout, stderr } = await run(['pii', '--file', path]);
    expect(code).toBe(exitCodes.usage);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });
});

describe('npm run eval -- pii (the labelled sets)', () => {
  it('meets the targets on the main set and ends with the JSON line', async () => {
    const { code, stdout, stderr } = await run([
      'pii',
      '--file',
      `${testData}pii-main.jsonl`,
      '--json',
    ]);
    expect(code).toBe(exitCodes.ok);
    const line = JSON.parse(stdout.trimEnd().split('\n').at(-1) ?? '') as PiiJsonLine;
    expect(line).toMatchObject({ task: 'pii', metric: 'f1', n: 540 });
    expect(Object.keys(line.byType)).toEqual([
      'EMAIL',
      'PHONE',
      'CREDIT_CARD',
      'IBAN',
      'US_SSN',
      'IP_ADDRESS',
      'SECRET',
      'PERSON',
    ]);
    // The targets of the issue: structured types (all but PERSON, micro-averaged) and PERSON.
    expect(line.structured.precision).toBeGreaterThanOrEqual(0.95);
    expect(line.structured.recall).toBeGreaterThanOrEqual(0.95);
    expect(line.byType.PERSON!.recall).toBeGreaterThanOrEqual(0.85);
    expect(line.partial.f1).toBeGreaterThanOrEqual(line.value);
    expect(stderr).toMatch(/^structured \(not PERSON\) +precision [\d.]+ %, recall [\d.]+ %/m);
    expect(stderr).toMatch(/^time +[\d.]+ s \(no model\)$/m);
    expect(stderr).not.toMatch(/^backend/m);
  });

  it('reports the held-out set (never tuned on: figures only, no target asserted)', async () => {
    const { code, stdout } = await run([
      'pii',
      '--file',
      `${testData}pii-held-out.jsonl`,
      '--json',
    ]);
    expect(code).toBe(exitCodes.ok);
    const line = JSON.parse(stdout.trimEnd().split('\n').at(-1) ?? '') as PiiJsonLine;
    expect(line).toMatchObject({ task: 'pii', n: 185 });
    expect(line.value).toBeGreaterThan(0);
  });
});
