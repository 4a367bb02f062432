import { describe, expect, it } from 'vitest';
import { BackendUnavailableError } from '@ondevice/errors';
import { UnknownBackendError } from '@ondevice/errors';
import { parseBackendPreference, type BackendName } from './backend-name.js';
import { selectBackend, type SelectionHooks } from './select-backend.js';

/** Selection policy on a simulated clock: each measurement advances time by its own cost. */
function scenario(
  rates: Partial<Record<BackendName, number>>,
  rejected: Partial<Record<BackendName, string>> = {},
) {
  let clock = 0;
  const measured: BackendName[] = [];
  const hooks: SelectionHooks = {
    probe: async (name) =>
      rejected[name] ? { usable: false, reason: rejected[name] as string } : { usable: true },
    measure: async (name) => {
      measured.push(name);
      const rate = rates[name] ?? 1;
      const milliseconds = (4 * 1000) / rate;
      clock += milliseconds + 50;
      return { sentencesPerSecond: rate, milliseconds };
    },
  };
  return { hooks, measured, now: () => clock };
}

describe('parseBackendPreference', () => {
  it('accepts the five names and rejects others listing the valid ones', () => {
    for (const name of ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'])
      expect(parseBackendPreference(name)).toBe(name);
    expect(() => parseBackendPreference('tpu')).toThrow(UnknownBackendError);
    expect(() => parseBackendPreference('tpu')).toThrow(/auto, webgpu, webgl, wasm, cpu/);
  });
});

describe('selectBackend', () => {
  it('picks the fastest measured candidate and records why each was chosen or rejected', async () => {
    const { hooks, now } = scenario(
      { wasm: 120, cpu: 7 },
      { webgpu: 'no adapter', webgl: 'software renderer (SwiftShader)' },
    );
    const selection = await selectBackend({ requested: 'auto', budgetMs: 1500, hooks, now });
    expect(selection.chosen).toBe('wasm');
    expect(selection.decidedBy).toBe('measurement');
    expect(selection.candidates.map((candidate) => [candidate.name, candidate.outcome])).toEqual([
      ['webgpu', 'rejected'],
      ['webgl', 'rejected'],
      ['wasm', 'chosen'],
      ['cpu', 'measured'],
    ]);
    expect(selection.candidates[3]?.reason).toMatch(/slower: 7\.0 sentences\/s vs 120\.0/);
  });

  it('stops measuring when the time budget is spent, keeping the best so far', async () => {
    const { hooks, measured, now } = scenario({ webgpu: 2, webgl: 300, wasm: 100, cpu: 7 });
    const selection = await selectBackend({ requested: 'auto', budgetMs: 1500, hooks, now });
    expect(measured).toEqual(['webgpu']); // 2 sentences/s took 2 s, over the budget
    expect(selection.chosen).toBe('webgpu');
    expect(
      selection.candidates.filter((candidate) => candidate.outcome === 'skipped'),
    ).toHaveLength(3);
  });

  it('measures a fallback only when no other backend could be measured', async () => {
    const first = scenario({ wasm: 100, cpu: 5 }, { webgpu: 'none', webgl: 'none' });
    const skipped = await selectBackend({
      requested: 'auto',
      budgetMs: 1500,
      fallbacks: ['cpu'],
      ...first,
    });
    expect(first.measured).toEqual(['wasm']);
    expect(skipped.candidates.find((candidate) => candidate.name === 'cpu')).toMatchObject({
      outcome: 'skipped',
      reason: expect.stringMatching(/fallback.*wasm does/),
    });
    const second = scenario({ cpu: 5 }, { webgpu: 'none', webgl: 'none', wasm: 'no wasm' });
    const only = await selectBackend({
      requested: 'auto',
      budgetMs: 1500,
      fallbacks: ['cpu'],
      ...second,
    });
    expect(second.measured).toEqual(['cpu']);
    expect(only.chosen).toBe('cpu');
  });

  it('reuses a remembered choice when that backend is still usable, without measuring', async () => {
    const { hooks, measured, now } = scenario({ wasm: 100 }, { webgpu: 'none', webgl: 'none' });
    const selection = await selectBackend({
      requested: 'auto',
      budgetMs: 1500,
      hooks,
      now,
      remembered: {
        backend: 'wasm',
        measuredAt: '2026-11-24T10:00:00.000Z',
        candidates: [
          { name: 'wasm', outcome: 'chosen', sentencesPerSecond: 100, reason: 'fastest' },
        ],
      },
    });
    expect(measured).toEqual([]);
    expect(selection).toMatchObject({ chosen: 'wasm', decidedBy: 'remembered' });
  });

  it('probes only the remembered backend when it is still usable (no GPU context for the others)', async () => {
    const probed: BackendName[] = [];
    const { hooks, now } = scenario({ wasm: 100 });
    const selection = await selectBackend({
      requested: 'auto',
      budgetMs: 1500,
      hooks: {
        ...hooks,
        probe: (name) => {
          probed.push(name);
          return hooks.probe(name);
        },
      },
      now,
      remembered: {
        backend: 'wasm',
        measuredAt: 'then',
        candidates: [
          { name: 'webgl', outcome: 'rejected', reason: 'software renderer' },
          { name: 'wasm', outcome: 'chosen', sentencesPerSecond: 100, reason: 'fastest' },
        ],
      },
    });
    expect(probed).toEqual(['wasm']);
    expect(selection.candidates.map((candidate) => [candidate.name, candidate.outcome])).toEqual([
      ['webgl', 'rejected'],
      ['wasm', 'chosen'],
    ]);
  });

  it('measures again when the remembered backend is no longer usable', async () => {
    const { hooks, measured, now } = scenario(
      { wasm: 100, cpu: 5 },
      { webgpu: 'gone', webgl: 'gone' },
    );
    const selection = await selectBackend({
      requested: 'auto',
      budgetMs: 1500,
      hooks,
      now,
      remembered: { backend: 'webgpu', measuredAt: 'then', candidates: [] },
    });
    expect(measured).toEqual(['wasm', 'cpu']);
    expect(selection.chosen).toBe('wasm');
  });

  it('uses an explicit backend without measuring, and fails typed when it cannot run', async () => {
    const { hooks, measured, now } = scenario({}, { webgpu: 'no navigator.gpu' });
    expect((await selectBackend({ requested: 'cpu', budgetMs: 1, hooks, now })).chosen).toBe('cpu');
    expect(measured).toEqual([]);
    await expect(selectBackend({ requested: 'webgpu', budgetMs: 1, hooks, now })).rejects.toThrow(
      BackendUnavailableError,
    );
  });

  it('fails typed when no candidate can run', async () => {
    const { hooks, now } = scenario({}, { webgpu: 'a', webgl: 'b', wasm: 'c', cpu: 'd' });
    await expect(selectBackend({ requested: 'auto', budgetMs: 1500, hooks, now })).rejects.toThrow(
      /No backend can run/,
    );
  });
});
