import type { PackedTransitions } from './recommend-task.js';
import type { TransitionModel } from './transition-model.js';

/**
 * Transitions as three typed arrays (one copy across the worker boundary, and storable).
 *
 * @example
 * const packed = packTransitions(model.transitions)
 */
export function packTransitions(model: TransitionModel): PackedTransitions {
  const offsets = new Int32Array(model.itemCount + 1);
  let total = 0;
  model.next.forEach((row, item) => {
    offsets[item] = total;
    total += row.size;
  });
  offsets[model.itemCount] = total;
  const targets = new Int32Array(total);
  const shares = new Float32Array(total);
  let at = 0;
  for (const row of model.next) {
    for (const [target, share] of row) {
      targets[at] = target;
      shares[at] = share;
      at += 1;
    }
  }
  return { offsets, targets, shares };
}

/**
 * The transition model back from its packed form.
 *
 * @example
 * const transitions = unpackTransitions(packed, itemCount)
 */
export function unpackTransitions(packed: PackedTransitions, itemCount: number): TransitionModel {
  const next = Array.from({ length: itemCount }, (_, item) => {
    const row = new Map<number, number>();
    for (
      let at = packed.offsets[item] as number;
      at < (packed.offsets[item + 1] as number);
      at += 1
    ) {
      row.set(packed.targets[at] as number, packed.shares[at] as number);
    }
    return row;
  });
  return { itemCount, next };
}
