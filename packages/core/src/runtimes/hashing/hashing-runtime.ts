import type { BackendName } from '../backend-name.js';
import { detectCapabilities } from '../capabilities.js';
import type {
  Runtime,
  RuntimeFactory,
  RuntimeLoadOptions,
  RuntimeLoadResult,
  RuntimeModel,
  TokenizedText,
} from '../runtime.js';
import { throwIfAborted } from '../../util/abort.js';

/** FNV-1a, 32 bits: a fast, well-spread hash of a string. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The token of a text without words, so every text has at least one feature. */
const emptyToken = fnv1a('');

/** Words a text may have; later words are dropped (and the text reported truncated). */
const hashingMaxTokens = 512;
/** Characters read per word allowed: a text's first (limit + 1) × 64 characters are read. */
const maximumWordLength = 64;

/**
 * The hashing trick as a model: each lower-cased word is a token (its FNV-1a hash); a vector adds
 * ±1 at `token mod dimensions` (the sign from the hash's top bit) for every token and is
 * L2-normalised. Texts that share words are similar, others nearly orthogonal; the same text
 * always gives the same vector, on every platform.
 */
class HashingModel implements RuntimeModel {
  readonly task = 'text-embedding';
  readonly backend: BackendName = 'cpu';

  constructor(readonly dimensions: number) {}

  readonly maxTokens = hashingMaxTokens;

  tokenize(texts: readonly string[], maxTokens: number): TokenizedText[] {
    const limit = Math.max(1, Math.min(maxTokens, this.maxTokens));
    return texts.map((text) => {
      // Words are found in a bounded prefix, so a huge text costs no more than a long one.
      const window = (limit + 1) * maximumWordLength;
      const words =
        (text.length > window ? text.slice(0, window) : text)
          .toLowerCase()
          .match(/[\p{L}\p{N}]+/gu) ?? [];
      const tokens = words.slice(0, limit).map(fnv1a);
      const truncated = words.length > limit || text.length > window;
      return { tokens: tokens.length > 0 ? tokens : [emptyToken], truncated };
    });
  }

  async run(tokens: readonly (readonly number[])[]): Promise<Float32Array> {
    const output = new Float32Array(tokens.length * this.dimensions);
    tokens.forEach((list, row) => {
      const vector = output.subarray(row * this.dimensions, (row + 1) * this.dimensions);
      for (const token of list) {
        const slot = token % this.dimensions;
        vector[slot] = (vector[slot] as number) + (token & 0x80000000 ? -1 : 1);
      }
      let norm = 0;
      for (const value of vector) norm += value * value;
      // Colliding signs can cancel out: fall back to the first token's slot.
      if (norm === 0) vector[(list[0] ?? emptyToken) % this.dimensions] = 1;
      else vector.forEach((value, index) => (vector[index] = value / Math.sqrt(norm)));
    });
    return output;
  }

  unload(): void {}
}

/**
 * A runtime for tests: it loads no files and runs no ML. Its models are {@link HashingModel}s,
 * instant and deterministic, so app tests run the whole client (worker protocol, tasks,
 * observers, hooks) without downloading or running a real model.
 */
class HashingRuntime implements Runtime {
  readonly specificationVersion = 'v2';
  readonly name = 'hashing';

  async probe() {
    return {
      capabilities: detectCapabilities(),
      backends: [{ name: 'cpu' as const, usable: true, device: 'JavaScript on the CPU' }],
    };
  }

  async load(options: RuntimeLoadOptions): Promise<RuntimeLoadResult> {
    await options.readFiles();
    throwIfAborted(options.signal, `Loading model ${options.manifest.id}`);
    options.onInitializing();
    return {
      model: new HashingModel(options.manifest.dimensions ?? 512),
      selection: {
        requested: options.policy.requested,
        chosen: 'cpu',
        decidedBy: 'explicit',
        candidates: [
          { name: 'cpu', outcome: 'chosen', reason: 'the hashing runtime runs on the CPU only' },
        ],
        milliseconds: 0,
      },
    };
  }

  async memory() {
    return { tensors: 0, bytes: 0 };
  }
}

/**
 * Creates the hashing runtime (models with `runtime: 'hashing'`).
 *
 * @example
 * const runtime = createRuntime({ assetBaseUrl: undefined, threads: false })
 */
export const createRuntime: RuntimeFactory = () => new HashingRuntime();
