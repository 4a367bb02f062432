import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// House style: every public export has TSDoc with an @example. The entry points of every
// package are read with the TypeScript compiler; each export is followed to its declaration.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const entryPoints = [
  'packages/errors/src/index.ts',
  'packages/core/src/index.ts',
  'packages/core/src/evaluation/index.ts',
  'packages/core/src/testing/index.ts',
  'packages/react/src/index.ts',
  'packages/vite/src/index.ts',
].map((entry) => `${root}${entry}`);

function exportsWithoutExample(): string[] {
  const program = ts.createProgram(entryPoints, {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    customConditions: ['@ondevice/source'],
    jsx: ts.JsxEmit.ReactJSX,
    target: ts.ScriptTarget.ES2022,
    skipLibCheck: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const missing: string[] = [];
  for (const entry of entryPoints) {
    const source = program.getSourceFile(entry);
    const module = source && checker.getSymbolAtLocation(source);
    if (!module) throw new TypeError(`cannot read ${entry}`);
    for (const exported of checker.getExportsOfModule(module)) {
      const symbol =
        exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const documented = (symbol.declarations ?? []).some((declaration) =>
        ts.getJSDocTags(declaration).some((tag) => tag.tagName.text === 'example'),
      );
      if (!documented) missing.push(`${entry.slice(root.length)}: ${exported.name}`);
    }
  }
  return missing;
}

describe('public API', () => {
  it('documents every export of every package with an @example', () => {
    expect(exportsWithoutExample()).toEqual([]);
  });
});
