import { spawn } from 'node:child_process';
import { repositoryRoot } from '../vite-config.js';

/** One stage of (k) in Node: `process.memoryUsage()` after forced collections, and core's own figure. */
export interface NodeMemorySample {
  /**
   * `process start` (core imported, no runtime), `before load` (the runtime loaded by another
   * tiny model, then unloaded), then `after load <k>` and `after unload <k>` for rounds 1–3.
   */
  stage: string;
  /** Resident set size of the process (native onnxruntime-node memory included). */
  rss: number;
  heapUsed: number;
  /** Memory of C++ objects bound to JS objects, ArrayBuffers included. */
  external: number;
  arrayBuffers: number;
  /** `client.memory()`: what each runtime says it holds. */
  runtime: Record<string, { tensors: number; bytes: number }>;
}

/** What the Node probe of (k) measured. */
export interface NodeMemoryRun {
  model: string;
  /** The model loaded and unloaded first, so the runtime is in the process before `before load`. */
  warmUpModel: string;
  samples: NodeMemorySample[];
}

/**
 * Runs bench/node/node-memory-probe.ts in a fresh Node process with `--expose-gc` (so the
 * figures are after full collections and nothing else of the bench is in the process), with
 * extra environment variables (the C allocator's settings are read when a process starts).
 *
 * @example
 * const { samples } = await measureNodeMemory('/path/to/tiny-encoder', '/path/to/tiny-ner')
 */
export function measureNodeMemory(
  folder: string,
  warmUpFolder: string,
  environment: Record<string, string> = {},
): Promise<NodeMemoryRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--expose-gc',
        '--import',
        'tsx',
        '--conditions=@ondevice/source',
        'bench/node/node-memory-probe.ts',
        folder,
        warmUpFolder,
      ],
      {
        cwd: repositoryRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, ...environment },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new Error(`the Node memory probe exited with ${String(code)}: ${stderr}`));
        return;
      }
      resolve(JSON.parse(stdout.trimEnd().split('\n').at(-1) ?? '') as NodeMemoryRun);
    });
  });
}
