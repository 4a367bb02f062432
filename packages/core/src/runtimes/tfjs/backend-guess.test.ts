import { describe, expect, it } from 'vitest';
import { type LoadReport, createClient } from '../../index.js';

type Selection = NonNullable<LoadReport['selection']>;

/** Resolves with the client's selection once `auto` has measured the backends. */
function measuredSelection(client: ReturnType<typeof createClient>): Promise<Selection> {
  return new Promise((resolve) => {
    const check = () => {
      const selection = client.diagnostics().backend.selection;
      if (selection?.decidedBy === 'measurement') resolve(selection);
    };
    client.subscribe(check);
    check();
  });
}

describe('auto on the real model (Node: wasm and cpu usable)', () => {
  it('answers on the probe guess, then measures the backends once idle, keeping the vectors', async () => {
    const client = createClient({
      worker: false,
      backend: 'auto',
      modelCache: 'memory',
      rememberBackend: false,
    });
    try {
      const embedder = client.embedder({ cacheSize: 0 });
      const first = await embedder.embed(['How do I reset my password?']);
      const guessed = client.diagnostics().backend.selection as Selection;
      expect(guessed.decidedBy).toBe('probe');
      expect(guessed.chosen).toBe('wasm');
      expect(first.backend).toBe('wasm');
      const outcome = Object.fromEntries(guessed.candidates.map((c) => [c.name, c.outcome]));
      expect(outcome).toMatchObject({ wasm: 'chosen', cpu: 'skipped' });

      const measured = await measuredSelection(client);
      const byName = Object.fromEntries(measured.candidates.map((c) => [c.name, c]));
      expect(byName.wasm?.sentencesPerSecond).toBeGreaterThan(0);
      // cpu is a fallback: never timed while wasm runs.
      expect(byName.cpu?.outcome).toBe('skipped');
      expect(byName.cpu?.reason).toMatch(/fallback/);
      // The measured model answers with the same vector (tfjs wasm wins here; were cpu faster,
      // the vector would still agree to float precision).
      const again = await embedder.embed(['How do I reset my password?']);
      expect(again.backend).toBe(measured.chosen);
      const a = first.embeddings[0] as Float32Array;
      const b = again.embeddings[0] as Float32Array;
      for (let index = 0; index < a.length; index += 1) {
        expect(b[index]).toBeCloseTo(a[index] as number, 5);
      }
    } finally {
      client.dispose();
    }
  }, 120_000);
});
