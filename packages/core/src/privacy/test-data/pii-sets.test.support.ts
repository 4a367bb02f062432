// Builds the two labelled PII sets from their templates, seeded, and writes them as JSONL:
//   npx tsx packages/core/src/privacy/test-data/pii-sets.test.support.ts
// pii-sets.test.ts checks that the committed files are what this writes.
import { writeFile } from 'node:fs/promises';
import { seededRandom, shuffled } from '../../util/seeded-random.js';
import { Draw, type SetPools, type Template } from './draw-values.test.support.js';
import { heldOutPools, heldOutTemplates } from './held-out-set.test.support.js';
import { type LabelledLine, parseMarkup } from './labelled-markup.test.support.js';
import { mainPools, mainTemplates } from './main-set.test.support.js';

interface SetRecipe {
  file: string;
  seed: number;
  pools: SetPools;
  templates: { withPii: readonly Template[]; withoutPii: readonly Template[] };
  /** Lines drawn from the templates with PII, and from those without. */
  lines: { withPii: number; withoutPii: number };
}

/** The two sets: the main one (tuning) and the held-out one (reported only). */
export const piiSetRecipes: readonly SetRecipe[] = [
  {
    file: 'pii-main.jsonl',
    seed: 11,
    pools: mainPools,
    templates: mainTemplates,
    lines: { withPii: 400, withoutPii: 140 },
  },
  {
    file: 'pii-held-out.jsonl',
    seed: 1111,
    pools: heldOutPools,
    templates: heldOutTemplates,
    lines: { withPii: 140, withoutPii: 45 },
  },
];

/** The lines of one set: each template in turn, new values each time, then shuffled. */
export function buildPiiSet(recipe: SetRecipe): LabelledLine[] {
  const random = seededRandom(recipe.seed);
  const draw = new Draw(random, recipe.pools);
  const seen = new Set<string>();
  const lines: LabelledLine[] = [];
  for (const [templates, count] of [
    [recipe.templates.withPii, recipe.lines.withPii],
    [recipe.templates.withoutPii, recipe.lines.withoutPii],
  ] as const) {
    let made = 0;
    for (let attempt = 0; made < count && attempt < count * 20; attempt += 1) {
      const template = templates[attempt % templates.length] as Template;
      const line = parseMarkup(template(draw));
      if (seen.has(line.text)) continue;
      seen.add(line.text);
      lines.push(line);
      made += 1;
    }
  }
  return shuffled(lines, random);
}

/**
 * The JSONL text of a set: one `{ "text", "entities" }` object a line.
 *
 * @example
 * toJsonl([{ text: 'hi', entities: [] }]) // '{"text":"hi","entities":[]}\n'
 */
export function toJsonl(lines: readonly LabelledLine[]): string {
  return lines.map((line) => JSON.stringify(line)).join('\n') + '\n';
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  for (const recipe of piiSetRecipes) {
    const file = new URL(recipe.file, import.meta.url);
    const lines = buildPiiSet(recipe);
    await writeFile(file, toJsonl(lines));
    console.log(`${recipe.file}: ${lines.length} lines`);
  }
}
