import type { TypingRecord } from '../pages/bench-results.js';
import type { ScriptedKey } from '../workload/typing-script.js';

/** Keystroke-to-badge figures of one typing session. */
export interface TypingLatency {
  /** Keys typed, and pauses in the script (where the badge should catch up). */
  keys: number;
  pauses: number;
  /** Pauses after which the badge showed the current text before the next key. */
  caughtUp: number;
  /**
   * Keys outside the pauses that got a result of their own before the next key: the first key
   * into the empty field (the widget analyses a first text at once, without the debounce).
   */
  resolvedBetweenPauses: number;
  /** From the last key before a pause to the badge showing its text, debounce wait included. */
  withDebounce: { p50: number; p95: number; max: number };
  /** The same minus the widget's debounce: the time the work itself adds (compared with the target). */
  afterDebounce: { p50: number; p95: number; max: number };
  /** Every sample with the debounce included, in typing order (ms). */
  samplesMs: number[];
}

/**
 * Nearest-rank percentile of a non-empty list (p in 0–100).
 *
 * @example
 * percentile([10, 20, 30, 40], 50) // 20
 */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

const stats = (values: readonly number[]) =>
  values.length === 0
    ? { p50: Number.NaN, p95: Number.NaN, max: Number.NaN }
    : {
        p50: Math.round(percentile(values, 50)),
        p95: Math.round(percentile(values, 95)),
        max: Math.round(Math.max(...values)),
      };

/**
 * Turns the page's record into latencies. The samples are the scripted pauses: the last key
 * before each pause, from its keydown to the badge showing the text it produced. Within a run
 * of keys the debounce holds the work back, so other keys get no result of their own (but for
 * the first key into the empty field, analysed at once; counted apart, not sampled). A pause
 * the badge did not catch up with before the next key counts as long as the pause (a lower
 * bound), so a slow badge cannot hide by going missing.
 *
 * @throws {Error} when the page recorded a different number of keys than the script typed.
 * @example
 * typingLatency(record, typingScript(), 150).afterDebounce.p95
 */
export function typingLatency(
  record: TypingRecord,
  script: readonly ScriptedKey[],
  debounceMs: number,
): TypingLatency {
  if (record.keystrokes.length !== script.length) {
    throw new Error(
      `the page recorded ${record.keystrokes.length} keydown events for ${script.length} typed keys`,
    );
  }
  const samples: number[] = [];
  let caughtUp = 0;
  let resolvedBetweenPauses = 0;
  record.keystrokes.forEach((keystroke, index) => {
    const scripted = script[index] as ScriptedKey;
    if (!scripted.pause) {
      if (keystroke.resolvedAt !== null) resolvedBetweenPauses += 1;
      return;
    }
    if (keystroke.resolvedAt !== null) {
      caughtUp += 1;
      samples.push(keystroke.resolvedAt - keystroke.at);
    } else {
      const next = record.keystrokes[index + 1];
      samples.push((next?.at ?? keystroke.at + scripted.gapAfterMs) - keystroke.at);
    }
  });
  return {
    keys: record.keystrokes.length,
    pauses: script.filter((key) => key.pause).length,
    caughtUp,
    resolvedBetweenPauses,
    withDebounce: stats(samples),
    afterDebounce: stats(samples.map((value) => value - debounceMs)),
    samplesMs: samples.map((value) => Math.round(value)),
  };
}
