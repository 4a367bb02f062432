import { describe, expect, it } from 'vitest';
import { normalized } from '../../util/vector-math.js';
import { fitLinearHead } from './fit-linear-head.js';

/** Unit vectors around three well-separated class centres (deterministic pseudo-noise). */
function clusters(perClass: number, dimensions: number) {
  let state = 7;
  const noise = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648 - 0.5;
  };
  const vectors: Float32Array[] = [];
  const targets: number[] = [];
  for (let c = 0; c < 3; c += 1) {
    for (let index = 0; index < perClass; index += 1) {
      const vector = Float32Array.from(
        { length: dimensions },
        (_, k) => (k % 3 === c ? 1 : 0) + noise() * 0.8,
      );
      vectors.push(normalized(vector));
      targets.push(c);
    }
  }
  return { vectors, targets };
}

function predict(head: ReturnType<typeof fitLinearHead>, vector: Float32Array, classes: number) {
  const d = vector.length;
  const logits = Array.from({ length: classes }, (_, c) => {
    let sum = head.bias[c] as number;
    for (let k = 0; k < d; k += 1)
      sum += (head.weights[c * d + k] as number) * (vector[k] as number);
    return sum;
  });
  return logits.indexOf(Math.max(...logits));
}

describe('fitLinearHead', () => {
  it('separates classes, with a positive temperature, the same way every time', () => {
    const { vectors, targets } = clusters(10, 24);
    const head = fitLinearHead(vectors, targets, 3);
    expect(head.temperature).toBeGreaterThan(0);
    const correct = vectors.filter((vector, index) => predict(head, vector, 3) === targets[index]);
    expect(correct.length).toBe(vectors.length);
    expect(Array.from(fitLinearHead(vectors, targets, 3).weights)).toEqual(
      Array.from(head.weights),
    );
  });

  it('gives the same head from the dual (n < d) and primal (n ≥ d) solutions', () => {
    const { vectors, targets } = clusters(8, 24); // 24 examples, 24 dimensions: primal
    const primal = fitLinearHead(vectors, targets, 3);
    const padded = vectors.map((vector) => Float32Array.from([...vector, 0])); // 25 dimensions: dual
    const dual = fitLinearHead(padded, targets, 3);
    expect(dual.temperature).toBeCloseTo(primal.temperature, 3);
    for (let c = 0; c < 3; c += 1) {
      for (let k = 0; k < 24; k += 1) {
        expect(dual.weights[c * 25 + k]).toBeCloseTo(primal.weights[c * 24 + k] as number, 3);
      }
      expect(dual.bias[c]).toBeCloseTo(primal.bias[c] as number, 3);
    }
  });
});
