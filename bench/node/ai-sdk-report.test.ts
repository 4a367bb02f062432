import { describe, expect, it } from 'vitest';
import {
  aiSdkBlockMarkers,
  buildAiSdkReport,
  formatAiSdkLines,
  renderAiSdkMarkdown,
} from './ai-sdk-report.js';
import type { MachineInfo } from './machine-info.js';
import type { AiSdkGenerationRun, AiSdkRun } from './measure-ai-sdk.js';

const machine: MachineInfo = {
  cpu: 'test cpu',
  cores: 2,
  memoryGb: 8,
  os: 'Linux',
  node: 'v20',
  chromium: 'not used',
};
const command = 'npm run bench -- --only ai-sdk --write';
const date = new Date('2025-01-01T00:00:00Z');

/** A run of 100 tokens in `milliseconds`, the first piece after 10 ms. */
const runOf = (milliseconds: number, text = 'story'): AiSdkGenerationRun => ({
  tokens: 100,
  milliseconds,
  firstPieceMs: 10,
  text,
});
const redaction: AiSdkRun['redaction'] = {
  textCount: 4,
  meanLength: 1000,
  variants: [
    {
      name: 'PERSON masked',
      policy: {},
      withMiddleware: [12, 13, 11, 40],
      without: [1, 1, 1, 2],
      entities: 32,
    },
  ],
};

describe('buildAiSdkReport', () => {
  it('compares the median tokens/s of the sides, per round too; the adapter (doStream) against 0.95', () => {
    // core at 1,000 tokens/s (100 ms); doStream at 1,000 then 800; streamText at 1,000 then 800.
    const report = buildAiSdkReport(
      {
        generation: {
          model: 'stories',
          core: [runOf(100), runOf(100), runOf(100), runOf(100)],
          doStream: [runOf(100), runOf(100), runOf(125), runOf(125)],
          provider: [runOf(100), runOf(100), runOf(125), runOf(125)],
        },
        redaction,
      },
      machine,
      command,
      date,
    );
    expect(report.generation).toMatchObject({
      core: { tokensPerSecond: 1000, decodeTokensPerSecond: 1100, firstPieceMs: 10, runs: 4 },
      provider: { tokensPerSecond: 900 },
      ratio: 0.9,
      doStreamRatio: 0.9,
      roundRatios: { min: 0.8, median: 0.9, max: 1 },
      sameText: true,
      target: 'MISSED',
    });
    const met = buildAiSdkReport(
      {
        generation: {
          model: 'stories',
          core: [runOf(100)],
          doStream: [runOf(105)],
          provider: [runOf(110, 'other')],
        },
        redaction,
      },
      machine,
      command,
      date,
    );
    expect(met.generation).toMatchObject({
      doStreamRatio: 0.952,
      ratio: 0.909,
      target: 'met',
      sameText: false,
    });
    // One run a side: no round pairs, the spread is the ratio itself.
    expect(met.generation).toMatchObject({ roundRatios: { min: 0.909, max: 0.909 } });
  });

  it('gives p50 / p99 per request with and without the middleware, and their paired difference', () => {
    const report = buildAiSdkReport(
      { generation: { skipped: 'the stories260K folder is absent' }, redaction },
      machine,
      command,
      date,
    );
    expect(report.redaction.variants[0]).toEqual({
      name: 'PERSON masked',
      withMiddleware: { p50: 12, p99: 40 },
      without: { p50: 1, p99: 2 },
      added: { p50: 11, p99: 38 },
      entitiesPerText: 8,
    });
    expect(formatAiSdkLines(report)).toMatch(/skipped: the stories260K folder is absent/);
    const block = renderAiSdkMarkdown(report);
    expect(block.startsWith(aiSdkBlockMarkers.start)).toBe(true);
    expect(block.trimEnd().endsWith(aiSdkBlockMarkers.end)).toBe(true);
    expect(block).toMatch(/\*\*skipped\*\* \(the stories260K folder is absent\)/);
  });
});
