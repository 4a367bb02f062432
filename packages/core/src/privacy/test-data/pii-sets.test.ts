import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { type LabelledLine } from './labelled-markup.test.support.js';
import { heldOutPools } from './held-out-set.test.support.js';
import { mainPools } from './main-set.test.support.js';
import { buildPiiSet, piiSetRecipes, toJsonl } from './pii-sets.test.support.js';

const types = ['EMAIL', 'PHONE', 'CREDIT_CARD', 'IBAN', 'US_SSN', 'IP_ADDRESS', 'SECRET', 'PERSON'];

async function committed(file: string): Promise<{ text: string; lines: LabelledLine[] }> {
  const text = await readFile(new URL(file, import.meta.url), 'utf8');
  return {
    text,
    lines: text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as LabelledLine),
  };
}

describe('the labelled PII sets', () => {
  it.each(piiSetRecipes.map((recipe) => [recipe.file, recipe] as const))(
    '%s is what its templates write (npx tsx …/pii-sets.test.support.ts)',
    async (file, recipe) => {
      expect((await committed(file)).text).toBe(toJsonl(buildPiiSet(recipe)));
    },
  );

  it.each([
    ['pii-main.jsonl', 400, 25],
    ['pii-held-out.jsonl', 150, 10],
  ])(
    '%s: enough lines, a fifth without PII, every type, exact ordered offsets',
    async (file, minimum, perType) => {
      const { lines } = await committed(file);
      expect(lines.length).toBeGreaterThanOrEqual(minimum);
      const withoutPii = lines.filter((line) => line.entities.length === 0).length;
      expect(withoutPii / lines.length).toBeGreaterThanOrEqual(0.2);
      for (const type of types) {
        const count = lines
          .flatMap((line) => line.entities)
          .filter((entity) => entity.type === type);
        expect(count.length, type).toBeGreaterThanOrEqual(perType);
      }
      for (const line of lines) {
        let previousEnd = 0;
        for (const entity of line.entities) {
          expect(types).toContain(entity.type);
          expect(entity.start).toBeGreaterThanOrEqual(previousEnd);
          expect(entity.end).toBeGreaterThan(entity.start);
          expect(entity.end).toBeLessThanOrEqual(line.text.length);
          const value = line.text.slice(entity.start, entity.end);
          expect(value.trim(), line.text).toBe(value);
          previousEnd = entity.end;
        }
      }
    },
  );

  it('share no text and no name between the main and the held-out set', async () => {
    const main = new Set((await committed('pii-main.jsonl')).lines.map((line) => line.text));
    const heldOut = (await committed('pii-held-out.jsonl')).lines;
    expect(heldOut.filter((line) => main.has(line.text))).toEqual([]);
    for (const pool of ['firstNames', 'lastNames', 'emailDomains', 'serviceDomains'] as const) {
      expect(heldOutPools[pool].filter((name) => mainPools[pool].includes(name))).toEqual([]);
    }
  });
});
