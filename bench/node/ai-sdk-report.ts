import { median, round } from './bench-report.js';
import type { MachineInfo } from './machine-info.js';
import { type BlockMarkers, alignedRows, markdownTable } from './markdown-blocks.js';
import {
  type AiSdkGenerationRun,
  type AiSdkRun,
  aiSdkGenerationJob,
  aiSdkRatioTarget,
  aiSdkRedactionJob,
} from './measure-ai-sdk.js';
import { percentile } from './typing-latency.js';

/** p50 and p99 of one list of milliseconds, per request. */
export interface Latency99 {
  p50: number;
  p99: number;
}

const latencyOf = (values: readonly number[]): Latency99 => ({
  p50: round(percentile(values, 50), 2),
  p99: round(percentile(values, 99), 2),
});

/**
 * One side of the generation comparison: the medians of its runs.
 *
 * @example
 * const side: AiSdkGenerationSide = { tokensPerSecond: 480, decodeTokensPerSecond: 492, firstPieceMs: 7.1, runs: 16 }
 */
export interface AiSdkGenerationSide {
  /** Median over the runs of new tokens ÷ the time from the call to the end. */
  tokensPerSecond: number;
  /** Median of (tokens − 1) ÷ the time from the first piece to the end. */
  decodeTokensPerSecond: number;
  /** Median time from the call to the first piece of text. */
  firstPieceMs: number;
  /** Median new tokens per run. */
  tokens: number;
  runs: number;
}

/**
 * The (p) report: printed as JSON and rendered into docs/benchmarks.md.
 *
 * @example
 * const report: AiSdkReport = buildAiSdkReport(run, machine, command, new Date())
 */
export interface AiSdkReport {
  command: string;
  date: string;
  machine: MachineInfo;
  generation:
    | {
        core: AiSdkGenerationSide;
        /** The provider's `doStream()` read directly: its own cost, without `streamText`. */
        doStream: AiSdkGenerationSide;
        /** The provider through `streamText` (reported: the AI SDK's pipeline on top). */
        provider: AiSdkGenerationSide;
        /** Provider (`streamText`) ÷ core, tokens/s (medians). */
        ratio: number;
        /** `doStream()` ÷ core, tokens/s (medians): the adapter's own cost, the target's figure. */
        doStreamRatio: number;
        /** Provider ÷ core, tokens/s after the first piece (medians). */
        decodeRatio: number;
        /**
         * Provider ÷ core per round (each side's two runs of the round): the lowest, the
         * median and the highest, for the spread.
         */
        roundRatios: { min: number; median: number; max: number };
        /** Whether every run of both sides gave the same text. */
        sameText: boolean;
        target: 'met' | 'MISSED';
      }
    | { skipped: string };
  redaction: {
    textCount: number;
    meanLength: number;
    variants: {
      name: string;
      withMiddleware: Latency99;
      without: Latency99;
      /** Per request, with − without (the same prompt, in the same turn). */
      added: Latency99;
      entitiesPerText: number;
    }[];
  };
}

function sideOf(runs: readonly AiSdkGenerationRun[]): AiSdkGenerationSide {
  return {
    tokensPerSecond: round(median(runs.map((run) => (run.tokens / run.milliseconds) * 1000)), 1),
    decodeTokensPerSecond: round(
      median(runs.map((run) => ((run.tokens - 1) / (run.milliseconds - run.firstPieceMs)) * 1000)),
      1,
    ),
    firstPieceMs: round(median(runs.map((run) => run.firstPieceMs)), 2),
    tokens: median(runs.map((run) => run.tokens)),
    runs: runs.length,
  };
}

/**
 * The (p) figures: per side the median tokens/s over its runs and the ratio provider ÷ core;
 * per policy the nearest-rank p50 / p99 of each request's time with and without the middleware
 * and of their paired difference.
 *
 * @example
 * const report = buildAiSdkReport(run, machine, 'npm run bench -- --only ai-sdk --write', new Date())
 */
export function buildAiSdkReport(
  run: AiSdkRun,
  machine: MachineInfo,
  command: string,
  date: Date,
): AiSdkReport {
  const { generation, redaction } = run;
  let generationFigures: AiSdkReport['generation'];
  if ('skipped' in generation) {
    generationFigures = { skipped: generation.skipped };
  } else {
    const core = sideOf(generation.core);
    const doStream = sideOf(generation.doStream);
    const provider = sideOf(generation.provider);
    const ratio = round(provider.tokensPerSecond / core.tokensPerSecond, 3);
    const decodeRatio = round(provider.decodeTokensPerSecond / core.decodeTokensPerSecond, 3);
    const doStreamRatio = round(doStream.tokensPerSecond / core.tokensPerSecond, 3);
    // Each round ran every side twice (ABCCBA).
    const roundRatios: number[] = [];
    for (let index = 0; index + 1 < generation.core.length; index += 2) {
      const pair = (runs: readonly AiSdkGenerationRun[]) =>
        runs
          .slice(index, index + 2)
          .reduce((sum, item) => sum + item.tokens / item.milliseconds, 0);
      roundRatios.push(pair(generation.provider) / pair(generation.core));
    }
    if (roundRatios.length === 0) roundRatios.push(ratio);
    const texts = new Set(
      [...generation.core, ...generation.doStream, ...generation.provider].map((item) => item.text),
    );
    generationFigures = {
      core,
      doStream,
      provider,
      ratio,
      doStreamRatio,
      decodeRatio,
      roundRatios: {
        min: round(Math.min(...roundRatios), 3),
        median: round(median(roundRatios), 3),
        max: round(Math.max(...roundRatios), 3),
      },
      sameText: texts.size === 1,
      target: doStreamRatio >= aiSdkRatioTarget ? 'met' : 'MISSED',
    };
  }
  return {
    command,
    date: date.toISOString(),
    machine,
    generation: generationFigures,
    redaction: {
      textCount: redaction.textCount,
      meanLength: redaction.meanLength,
      variants: redaction.variants.map((variant) => ({
        name: variant.name,
        withMiddleware: latencyOf(variant.withMiddleware),
        without: latencyOf(variant.without),
        added: latencyOf(
          variant.withMiddleware.map((value, index) => value - (variant.without[index] ?? 0)),
        ),
        entitiesPerText: round(variant.entities / redaction.textCount, 1),
      })),
    },
  };
}

/**
 * The console summary of (p).
 *
 * @example
 * process.stdout.write(formatAiSdkLines(report))
 */
export function formatAiSdkLines(report: AiSdkReport): string {
  const { generation } = report;
  const generationLines =
    'skipped' in generation
      ? [['(p) provider vs core generator', `skipped: ${generation.skipped}`]]
      : [
          ['(p) stories260K, Node', 'tokens/s', 'decode tokens/s', 'first piece ms', 'runs'],
          ...(['core', 'doStream', 'provider'] as const).map((side) => [
            {
              core: 'core generator',
              doStream: 'provider doStream()',
              provider: 'provider (streamText)',
            }[side],
            generation[side].tokensPerSecond.toFixed(1),
            generation[side].decodeTokensPerSecond.toFixed(1),
            generation[side].firstPieceMs.toFixed(2),
            String(generation[side].runs),
          ]),
          [
            `doStream() ÷ core ${generation.doStreamRatio.toFixed(3)} (target ≥ ${aiSdkRatioTarget})`,
            generation.target,
            '',
            '',
            '',
          ],
          [
            `streamText ÷ core ${generation.ratio.toFixed(3)}, after the first piece ${generation.decodeRatio.toFixed(3)}`,
            '',
            '',
            '',
            '',
          ],
        ];
  return `${alignedRows(generationLines)}\n\n${alignedRows([
    ['(p) redaction middleware, ~1 kB prompts', 'p50 ms', 'p99 ms', 'added p50', 'added p99'],
    ...report.redaction.variants.map((variant) => [
      variant.name,
      variant.withMiddleware.p50.toFixed(2),
      variant.withMiddleware.p99.toFixed(2),
      variant.added.p50.toFixed(2),
      variant.added.p99.toFixed(2),
    ]),
  ])}`;
}

/**
 * Markers around the (p) block of docs/benchmarks.md, so `--only ai-sdk` can replace it alone.
 *
 * @example
 * spliceBlock(document, renderAiSdkMarkdown(report), aiSdkBlockMarkers)
 */
export const aiSdkBlockMarkers: BlockMarkers = {
  start: '<!-- bench (p) ai-sdk: start -->',
  end: '<!-- bench (p) ai-sdk: end -->',
};

function generationSection(report: AiSdkReport): string {
  const { generation } = report;
  if ('skipped' in generation) {
    return `Provider against core's generator: **skipped** (${generation.skipped}).`;
  }
  const row = (name: string, side: AiSdkGenerationSide) => [
    name,
    `**${side.tokensPerSecond.toFixed(1)}**`,
    side.decodeTokensPerSecond.toFixed(1),
    `${side.firstPieceMs.toFixed(2)} ms`,
    String(side.tokens),
    String(side.runs),
  ];
  return `${markdownTable([
    [
      'stories260K in Node',
      'tokens/s',
      'after the first piece',
      'first piece',
      'new tokens',
      'runs',
    ],
    row("core's generator, `generator.generate()`", generation.core),
    row("the provider's `doStream()`, read directly", generation.doStream),
    row('the provider through `streamText()`', generation.provider),
  ])}

**The provider's \`doStream()\` ÷ core: ${generation.doStreamRatio.toFixed(3)}** (target ≥ ${aiSdkRatioTarget}, "the adapter costs ≤ 5 %": **${generation.target}**). Through \`streamText\` ÷ core: ${generation.ratio.toFixed(3)}, and ${generation.decodeRatio.toFixed(3)} after the first piece: the difference is the AI SDK's own \`streamText\` pipeline over the same stream (mostly a few ms before the first piece, the same with any provider), which on stories260K's ~0.4 ms per token is visible and on a real model (tens of ms per token) is not. Per round (each side's two runs of the round): lowest ${generation.roundRatios.min.toFixed(3)}, median ${generation.roundRatios.median.toFixed(3)}, highest ${generation.roundRatios.max.toFixed(3)}. ${generation.sameText ? 'Every run of every side gave the same text.' : '**The runs did not all give the same text.**'}`;
}

/**
 * The (p) block of docs/benchmarks.md, between its markers.
 *
 * @example
 * const block = renderAiSdkMarkdown(report)
 */
export function renderAiSdkMarkdown(report: AiSdkReport): string {
  const { machine } = report;
  const { prompt, maxNewTokens, warmUpRuns, rounds } = aiSdkGenerationJob;
  return `${aiSdkBlockMarkers.start}
## (p) AI SDK: the provider against core's generator, the redaction middleware per request

Generated by \`${report.command}\` (bench/run.ts) on ${report.date}, on ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}. Do not edit by hand: run the command again.

${generationSection(report)}

- **Method:** in the bench's Node process, no browser, one in-thread client (\`createClient({ worker: false })\`, onnxruntime-node) and one loaded model for every side: \`client.generator({ model })\`; \`ondevice(client).languageModel(folder, { promptFormat: 'text' })\` through \`streamText\` (its \`textStream\` read to the end, then \`usage\`); the same model's \`doStream()\` stream read to its finish part. Prompt \`${prompt}\`, ${maxNewTokens} new tokens at most, greedy (temperature 0). ${warmUpRuns} warm-up runs per side, then ${rounds} rounds of core, doStream, streamText, streamText, doStream, core. Tokens/s is the new tokens ÷ the time from the call to the end of the stream (the median over the runs of each side); "after the first piece" leaves out the time to the first piece.

${markdownTable([
  [
    'redaction middleware, policy',
    'p50 per request',
    'p99 per request',
    'without the middleware p50 / p99',
    'added p50',
    'added p99',
    'entities per prompt',
  ],
  ...report.redaction.variants.map((variant) => [
    variant.name,
    `**${variant.withMiddleware.p50.toFixed(2)} ms**`,
    `${variant.withMiddleware.p99.toFixed(2)} ms`,
    `${variant.without.p50.toFixed(2)} / ${variant.without.p99.toFixed(2)} ms`,
    `${variant.added.p50.toFixed(2)} ms`,
    `${variant.added.p99.toFixed(2)} ms`,
    variant.entitiesPerText.toFixed(1),
  ]),
])}

- **Prompts:** the ${report.redaction.textCount} seeded ~${aiSdkRedactionJob.length}-character support texts of (n) (mean ${report.redaction.meanLength}; bench/workload/pii-texts.ts, seed ${aiSdkRedactionJob.seed}), one user message each.
- **Method:** \`generateText({ model, prompt })\` to a remote model that answers at once (\`MockLanguageModelV3\` from \`ai/test\`, an answer with \`[PERSON_1]\` and \`[EMAIL_1]\`, so restoring runs too), once through \`wrapLanguageModel({ model, middleware: redactionMiddleware({ policy }) })\` and once straight, in alternating order per prompt; ${aiSdkRedactionJob.warmUp} warm-up prompts per policy. p50 / p99 are nearest-rank percentiles of each request's \`performance.now()\` time; "added" is the paired difference per prompt, the middleware's own cost (core's \`redactPII\` on the prompt and restoring the answer). No target was set.
${aiSdkBlockMarkers.end}
`;
}
