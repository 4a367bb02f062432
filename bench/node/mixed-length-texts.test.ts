import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repositoryRoot } from '../vite-config.js';
import {
  mixedLengthRange,
  mixedLengthTexts,
  mixedLengthTokenCounts,
} from '../workload/mixed-length-texts.js';
import { transformersBenchModels } from '../workload/transformers-models.js';

const encoderFolder = join(repositoryRoot, transformersBenchModels.encoder.folder);
const fixturePresent = existsSync(join(encoderFolder, 'tokenizer.json'));
if (!fixturePresent) {
  console.warn(
    `Skipping the token-count check: ${encoderFolder} is absent (run npm run fixtures).`,
  );
}

describe('mixed-length texts of bench (j)', () => {
  it('spans 8 to 256 tokens, seeded, distinct per seed', () => {
    const counts = mixedLengthTokenCounts(64, 1);
    expect(Math.min(...counts)).toBe(mixedLengthRange.shortest);
    expect(Math.max(...counts)).toBe(mixedLengthRange.longest);
    expect(mixedLengthTexts(64, 1)).toEqual(mixedLengthTexts(64, 1));
    const first = new Set(mixedLengthTexts(64, 1).map((entry) => entry.text));
    expect(mixedLengthTexts(64, 2).some((entry) => first.has(entry.text))).toBe(false);
  });

  it.skipIf(!fixturePresent)(
    'has exactly the planned token counts for the fixture tokenizer',
    async () => {
      const { AutoTokenizer, env } = await import('@huggingface/transformers');
      env.allowRemoteModels = false;
      env.localModelPath = join(encoderFolder, '..', '..');
      const tokenizer = await AutoTokenizer.from_pretrained(transformersBenchModels.encoder.name);
      for (const { text, tokens } of mixedLengthTexts(64, 1)) {
        expect(tokenizer.encode(text)).toHaveLength(tokens);
      }
    },
  );
});
