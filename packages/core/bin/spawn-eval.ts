import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root, where `npm run eval` runs. */
export const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** The JSON line `npm run eval -- … --json` ends stdout with. */
export interface EvalJsonLine {
  task: string;
  metric: string;
  value: number;
  n: number;
  /** `generate` only: the prompt followed by the continuation. */
  text?: string;
}

/**
 * Runs the documented command, `npm run eval -- <argv> --json`, in its own process and
 * resolves with the JSON of its last stdout line (and the line itself) and the report it wrote
 * to stderr.
 *
 * @example
 * const { json } = await spawnEval(['sst2', '--file', devFile])
 */
export function spawnEval(
  argv: readonly string[],
): Promise<{ json: EvalJsonLine; line: string; report: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'eval', '--', ...argv, '--json'], {
      cwd: repositoryRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new Error(`npm run eval exited with ${String(code)}: ${stderr}`));
        return;
      }
      const lastLine = stdout.trimEnd().split('\n').at(-1) ?? '';
      resolve({ json: JSON.parse(lastLine) as EvalJsonLine, line: lastLine, report: stderr });
    });
  });
}
