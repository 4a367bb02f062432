import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The repository's own lint config enforces the layers of core (util < models, loading <
// runtimes < engine < tasks, recommend, search < worker < client < observers < testing, evaluation). These
// imports are linted as if they were modules of core, without being written to disk.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function layeringErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: `${root}packages/core/src/${file}` });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'boundaries/dependencies')
    .map((message) => message.message);
}

describe('layering of @ondevice/core (lint)', () => {
  it('rejects a lower layer importing a higher one', async () => {
    expect(
      await layeringErrors(
        'util/probe.ts',
        "import { createClient } from '../client/create-client.js';\nexport const probe = createClient;\n",
      ),
    ).toEqual([expect.stringContaining('"client" are not allowed in elements of type "util"')]);
    expect(
      await layeringErrors(
        'runtimes/tfjs/probe.ts',
        "import type { TaskRunner } from '../../tasks/task-definition.js';\nexport type Probe = TaskRunner;\n",
      ),
    ).toEqual([expect.stringContaining('"tasks" are not allowed in elements of type "runtimes"')]);
  });

  it('accepts a higher layer importing a lower one', async () => {
    expect(
      await layeringErrors(
        'client/probe.ts',
        "import { Engine } from '../engine/engine.js';\nexport const probe = Engine;\n",
      ),
    ).toEqual([]);
  });
});
