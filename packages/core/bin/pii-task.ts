import { type PiiType, piiTypes, redactPII } from '@ondevice/core';
import { alignColumns } from './align-columns.js';
import { type EvalInputs, type EvalTask, pathInput } from './eval-task.js';
import {
  type PiiCounts,
  type PiiFigures,
  type TypedSpan,
  countMatches,
  figuresOf,
} from './pii-metrics.js';
import { type LabelledPiiLine, readPiiSet } from './read-pii-set.js';

/** Every type but PERSON: the ones found by pattern and checksum. */
export const structuredPiiTypes: readonly PiiType[] = piiTypes.filter((type) => type !== 'PERSON');

/** Examples of each kind of error printed after the table. */
const examplesShown = 10;

const rounded = (figures: PiiFigures): PiiFigures => ({
  precision: round(figures.precision),
  recall: round(figures.recall),
  f1: round(figures.f1),
  support: figures.support,
});
const round = (value: number) => Math.round(value * 1e4) / 1e4;
const percent = (value: number) => `${(value * 100).toFixed(1)} %`;

/**
 * `pii --file <jsonl>`: `redactPII()` with the default policy (every type masked, names
 * included) on each line of a labelled set; precision, recall and F1 per type, over the
 * structured types (all but PERSON) and over all, micro-averaged. A prediction is right when its
 * type and span are the labelled ones exactly; figures where a same-type overlap counts are
 * given too (`partial`). `value` is the overall exact F1. No model is loaded.
 */
export const piiTask: EvalTask = {
  metric: 'f1',
  description:
    'redactPII(): precision, recall and F1 per type on a labelled JSONL set (exact spans, and same-type overlaps)',
  example: '--file packages/core/src/privacy/test-data/pii-main.jsonl',
  inputs: { file: 'required' },
  usesModel: false,
  async prepare(inputs: EvalInputs) {
    const path = pathInput(inputs, 'file');
    const lines = await readPiiSet(path);
    const labelled = lines.reduce((total, line) => total + line.entities.length, 0);
    return {
      n: lines.length,
      facts: [
        ['labelled entities', labelled.toLocaleString('en-US')],
        ['lines without PII', String(lines.filter((line) => line.entities.length === 0).length)],
      ],
      async run(context) {
        const scored: { line: LabelledPiiLine; predicted: TypedSpan[] }[] = [];
        const started = performance.now();
        for (const [index, line] of lines.entries()) {
          const redaction = await redactPII(line.text);
          scored.push({
            line,
            predicted: redaction.entities.map(({ start, end, type }) => ({ start, end, type })),
          });
          if (index % 50 === 0) context.onProgress?.(index, lines.length, 'redacting');
        }
        const seconds = (performance.now() - started) / 1000;
        context.onProgress?.(lines.length, lines.length, 'redacting');
        const pairs = scored.map(({ line, predicted }) => ({ labelled: line.entities, predicted }));
        const exact = countMatches(pairs, 'exact');
        const partial = countMatches(pairs, 'partial');
        const overall = figuresOf(exact, piiTypes);
        const structured = figuresOf(exact, structuredPiiTypes);
        const partialOverall = figuresOf(partial, piiTypes);
        return {
          value: overall.f1,
          facts: [
            ['precision', overall.precision.toFixed(4)],
            ['recall', overall.recall.toFixed(4)],
            [
              'structured (not PERSON)',
              `precision ${percent(structured.precision)}, recall ${percent(structured.recall)}, F1 ${percent(structured.f1)}`,
            ],
            [
              'PERSON',
              `precision ${percent(figuresOf(exact, ['PERSON']).precision)}, recall ${percent(figuresOf(exact, ['PERSON']).recall)}`,
            ],
            ['partial overlaps', `F1 ${partialOverall.f1.toFixed(4)}`],
            ['redaction', `${(lines.length / seconds).toFixed(0)} texts/s`],
          ],
          details: `${figuresTable(exact, partial)}\n${errorExamples(scored)}`,
          jsonFields: {
            byType: byTypeOf(exact),
            structured: rounded(structured),
            partial: { ...rounded(partialOverall), byType: byTypeOf(partial) },
          },
        };
      },
    };
  },
};

function byTypeOf(counts: Record<PiiType, PiiCounts>): Record<PiiType, PiiFigures> {
  return Object.fromEntries(
    piiTypes.map((type) => [type, rounded(figuresOf(counts, [type]))]),
  ) as Record<PiiType, PiiFigures>;
}

function figuresTable(
  exact: Record<PiiType, PiiCounts>,
  partial: Record<PiiType, PiiCounts>,
): string {
  const row = (name: string, types: readonly PiiType[]) => {
    const strict = figuresOf(exact, types);
    const loose = figuresOf(partial, types);
    return [
      name,
      strict.precision.toFixed(4),
      strict.recall.toFixed(4),
      strict.f1.toFixed(4),
      String(strict.support),
      loose.precision.toFixed(4),
      loose.recall.toFixed(4),
      loose.f1.toFixed(4),
    ];
  };
  return alignColumns(
    [
      ['type', 'precision', 'recall', 'F1', 'support', 'partial P', 'partial R', 'partial F1'],
      ...piiTypes.map((type) => row(type, [type])),
      row('structured', structuredPiiTypes),
      row('all', piiTypes),
    ],
    { rightAligned: [1, 2, 3, 4, 5, 6, 7] },
  );
}

/** Up to ten missed entities and ten wrong predictions (exact match), with their line. */
function errorExamples(scored: readonly { line: LabelledPiiLine; predicted: TypedSpan[] }[]) {
  const same = (a: TypedSpan, b: TypedSpan) =>
    a.type === b.type && a.start === b.start && a.end === b.end;
  const quote = (line: LabelledPiiLine, span: TypedSpan) =>
    `${span.type} ${JSON.stringify(line.line === 0 ? '' : line.text.slice(span.start, span.end))}`;
  const missed: string[] = [];
  const wrong: string[] = [];
  for (const { line, predicted } of scored) {
    for (const gold of line.entities) {
      if (!predicted.some((guess) => same(guess, gold))) {
        missed.push(`  line ${line.line}: ${quote(line, gold)}`);
      }
    }
    for (const guess of predicted) {
      if (!line.entities.some((gold) => same(guess, gold))) {
        wrong.push(`  line ${line.line}: ${quote(line, guess)}`);
      }
    }
  }
  const list = (title: string, items: string[]) =>
    `${title} (${items.length}${items.length > examplesShown ? `, first ${examplesShown}` : ''}):\n${items.slice(0, examplesShown).join('\n') || '  none'}\n`;
  return `\n${list('Missed (labelled, not predicted with this exact span)', missed)}\n${list('Wrong (predicted, not labelled with this exact span)', wrong)}`;
}
