// @vitest-environment node
import { readFile, readdir } from 'node:fs/promises';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** Lines of code, without comments (TSDoc included) and blank lines. */
function codeLines(source: string): number {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.JSX, source);
  const lines = new Set<number>();
  const file = ts.createSourceFile('hook.ts', source, ts.ScriptTarget.Latest);
  const lineOf = (position: number) => file.getLineAndCharacterOfPosition(position).line;
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (token === ts.SyntaxKind.NewLineTrivia || token === ts.SyntaxKind.WhitespaceTrivia) continue;
    if (token === ts.SyntaxKind.SingleLineCommentTrivia) continue;
    if (token === ts.SyntaxKind.MultiLineCommentTrivia) continue;
    for (
      let line = lineOf(scanner.getTokenStart());
      line <= lineOf(scanner.getTokenEnd() - 1);
      line += 1
    ) {
      lines.add(line);
    }
  }
  return lines.size;
}

describe('@ondevice/react hooks', () => {
  it('are each under 40 lines of adapter code over a core observer', async () => {
    const directory = new URL('./', import.meta.url);
    const hooks = (await readdir(directory)).filter((file) => /^use-.*\.ts$/.test(file));
    expect(hooks.length).toBeGreaterThanOrEqual(10);
    const counts = Object.fromEntries(
      await Promise.all(
        hooks.map(async (file) => [
          file,
          codeLines(await readFile(new URL(file, directory), 'utf8')),
        ]),
      ),
    );
    console.log(counts);
    for (const [file, count] of Object.entries(counts)) expect(count, file).toBeLessThan(40);
  });
});
