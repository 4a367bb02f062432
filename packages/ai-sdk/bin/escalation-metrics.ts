import {
  type EscalationPolicyOptions,
  createEscalationPolicy,
  decideEscalation,
} from '@ondevice/ai-sdk';

/**
 * One evaluated row: the gold label, the classifier's best label and its confidence.
 *
 * @example
 * const row: ScoredRow = { gold: 'card_arrival', predicted: 'card_delivery_estimate', confidence: 0.41 }
 */
export interface ScoredRow {
  gold: string;
  /** The best label (`labels[0]`), also when the classifier flags itself `unsure`. */
  predicted: string;
  /** The classifier's `confidence`, from 0 to 1. */
  confidence: number;
}

/**
 * What the policy does with the rows at one threshold. Shares and accuracies are from 0 to 1.
 *
 * @example
 * const { threshold, deviceShare, deviceAccuracy, oracleAccuracy } = figures
 */
export interface ThresholdFigures {
  threshold: number;
  /** Rows the device answers (confidence at or over the threshold). */
  kept: number;
  /** `kept` ÷ rows. */
  deviceShare: number;
  /** Rows sent on (to Chrome's built-in model or the remote model). */
  escalated: number;
  /** `escalated` ÷ rows. */
  escalatedShare: number;
  /** Right answers among the kept rows ÷ kept rows; null when none is kept. */
  deviceAccuracy: number | null;
  /**
   * The upper bound of the whole system: accuracy over every row if each escalated row were
   * answered right ((kept right + escalated) ÷ rows).
   */
  oracleAccuracy: number;
}

/** The thresholds the eval reports, 0.3 to 0.9 by tenths. */
export const reportedThresholds: readonly number[] = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

/**
 * The goal of the escalation eval: the answers kept on the device at least 90 % right, with at
 * least 40 % of the rows kept.
 */
export const escalationGoal = { deviceAccuracy: 0.9, deviceShare: 0.4 } as const;

/**
 * The task name the eval asks the policy about: one of the policy's default `deviceTasks`.
 */
export const classifyTask = 'classify';

/**
 * What {@link escalationFigures} decides at one threshold: every row through the AI SDK policy's
 * own rule, `decideEscalation` (task `classify`, the row's confidence), with the policy's other
 * options (default `deviceTasks`) as `createEscalationPolicy` resolves them.
 *
 * @throws {InvalidInputError} when the threshold or a confidence is outside 0–1.
 * @example
 * thresholdFigures(rows, { threshold: 0.7 }) // { threshold: 0.7, kept: 812, deviceShare: 0.527, … }
 */
export function thresholdFigures(
  rows: readonly ScoredRow[],
  options: EscalationPolicyOptions = {},
): ThresholdFigures {
  const policy = createEscalationPolicy(options);
  let kept = 0;
  let keptRight = 0;
  for (const row of rows) {
    const { answeredBy } = decideEscalation(policy, {
      task: classifyTask,
      confidence: row.confidence,
    });
    if (answeredBy !== 'device') continue;
    kept += 1;
    if (row.predicted === row.gold) keptRight += 1;
  }
  const total = rows.length;
  const escalated = total - kept;
  return {
    threshold: policy.threshold,
    kept,
    deviceShare: total === 0 ? 0 : kept / total,
    escalated,
    escalatedShare: total === 0 ? 0 : escalated / total,
    deviceAccuracy: kept === 0 ? null : keptRight / kept,
    oracleAccuracy: total === 0 ? 0 : (keptRight + escalated) / total,
  };
}

/**
 * Whether figures meet {@link escalationGoal}.
 *
 * @example
 * meetsGoal({ deviceAccuracy: 0.93, deviceShare: 0.52 }) // true
 */
export function meetsGoal(figures: Pick<ThresholdFigures, 'deviceAccuracy' | 'deviceShare'>) {
  return (
    figures.deviceAccuracy !== null &&
    figures.deviceAccuracy >= escalationGoal.deviceAccuracy &&
    figures.deviceShare >= escalationGoal.deviceShare
  );
}

/**
 * The escalation eval's figures: at the policy's default threshold and at each of `thresholds`,
 * plus the classifier alone (every row kept: its plain accuracy).
 *
 * @example
 * const { atDefault, byThreshold, deviceOnlyAccuracy } = escalationFigures(rows)
 */
export function escalationFigures(
  rows: readonly ScoredRow[],
  thresholds: readonly number[] = reportedThresholds,
): {
  atDefault: ThresholdFigures;
  byThreshold: ThresholdFigures[];
  deviceOnlyAccuracy: number;
} {
  return {
    atDefault: thresholdFigures(rows),
    byThreshold: thresholds.map((threshold) => thresholdFigures(rows, { threshold })),
    deviceOnlyAccuracy: thresholdFigures(rows, { threshold: 0 }).deviceAccuracy ?? 0,
  };
}
