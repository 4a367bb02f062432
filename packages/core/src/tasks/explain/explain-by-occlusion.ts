import type { TaskContext } from '../../engine/task-context.js';
import type { Explanation } from './explanation-types.js';
import { explanationFromScores, planOcclusion } from './occlusion.js';

/** Characters of a text an explanation covers (about 3,000 words). */
const maximumExplainedCharacters = 20_000;

/** One text to explain: the label to explain and its score on the full text. */
export interface ExplanationTarget {
  text: string;
  label: string;
  score: number;
}

/**
 * Occlusion explanations for several texts with one embedding pass: every word of every text is
 * left out in turn, all the variants are embedded together, and each variant is scored for its
 * text's label. `prepare` turns a variant into what the model reads (sentiment normalises text).
 *
 * @example
 * const [explanation] = await explainByOcclusion(context, [{ text, label, score }], (item, vector) => scoreOf(vector))
 */
export async function explainByOcclusion(
  context: TaskContext,
  targets: readonly ExplanationTarget[],
  scoreVariant: (targetIndex: number, embedding: Float32Array, preparedText: string) => number,
  prepare: (text: string) => string = (text) => text,
): Promise<Explanation[]> {
  // A huge text is explained on its start: occluding parts of a megabyte would copy it 128 times.
  const plans = targets.map((target) =>
    planOcclusion(target.text.slice(0, maximumExplainedCharacters)),
  );
  const prepared = plans.flatMap((plan) => plan.variants.map(prepare));
  // Variants are seen once: keep them out of the engine's cache of descriptions and examples.
  const vectors = prepared.length > 0 ? await context.embed(prepared, { cache: false }) : [];
  let offset = 0;
  return targets.map((target, targetIndex) => {
    const plan = plans[targetIndex] as (typeof plans)[number];
    const variantScores = plan.variants.map((_, index) =>
      scoreVariant(
        targetIndex,
        vectors[offset + index] as Float32Array,
        prepared[offset + index] as string,
      ),
    );
    offset += plan.variants.length;
    return explanationFromScores({
      label: target.label,
      score: target.score,
      plan,
      variantScores,
    });
  });
}
