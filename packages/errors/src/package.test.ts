import { readFile, readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

const packageDirectory = new URL('../', import.meta.url);

describe('@ondevice/errors', () => {
  it('has no dependencies, so a server can share the errors without installing a model', async () => {
    const manifest = JSON.parse(
      await readFile(new URL('package.json', packageDirectory), 'utf8'),
    ) as Record<string, unknown>;
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.peerDependencies).toBeUndefined();
  });

  it('imports nothing but its own files', async () => {
    const sources = (await readdir(new URL('src/', packageDirectory))).filter(
      (file) => file.endsWith('.ts') && !file.includes('.test.'),
    );
    for (const file of sources) {
      const text = await readFile(new URL(`src/${file}`, packageDirectory), 'utf8');
      const specifiers = [...text.matchAll(/from '([^']+)'/g)].map((match) => match[1]);
      for (const specifier of specifiers) expect(specifier, file).toMatch(/^\.\//);
    }
  });
});
