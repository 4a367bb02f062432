import type { LocationFileReader } from '../loading/load-location-files.js';
import type { ModelManifest, ModelTask } from '../models/model-manifest.js';
import type { BackendName, BackendPreference } from './backend-name.js';
import type { Capabilities } from './capabilities.js';
import type { BackendSelection, RememberedBackend } from './select-backend.js';

/**
 * The version of the runtime interface. A runtime states the version it implements, so an
 * engine can refuse one written against another (the AI SDK's `specificationVersion`).
 *
 * @example
 * if (runtime.specificationVersion !== runtimeSpecificationVersion) throw …
 */
export const runtimeSpecificationVersion = 'v2';

/**
 * Where a runtime runs: set once per engine.
 *
 * @example
 * const runtime = createRuntime({ assetBaseUrl: 'https://app.example/ondevice/', threads: true })
 */
export interface RuntimeEnvironment {
  /** Absolute base URL of the asset server (wasm binaries…); undefined in Node (node_modules). */
  assetBaseUrl: string | undefined;
  /** Whether the runtime may start threads (it runs in a worker, or in Node). */
  threads: boolean;
  /**
   * Reads a file below `assetBaseUrl` (a wasm binary…) through the engine's loader, with its
   * stall detection and retries, and keeps it in the model file cache under `version`, so a
   * repeat visit needs no network. Bytes that fail `isValid` are refused (`ModelLoadError`
   * reason `not-a-model-file`) and never cached. Undefined in Node.
   */
  readAsset?: (
    path: string,
    options: { version: string; isValid?: (bytes: Uint8Array) => boolean },
  ) => Promise<Uint8Array>;
}

/**
 * How a backend is chosen for a model: the caller's preference and what `auto` may do.
 *
 * @example
 * const policy: BackendPolicy = { requested: 'auto', budgetMs: 1500, allowSoftwareRenderer: false }
 */
export interface BackendPolicy {
  requested: BackendPreference;
  /** Time budget for measuring candidates under `auto`. */
  budgetMs: number;
  /** Whether a software GPU rasteriser may be measured under `auto`. */
  allowSoftwareRenderer: boolean;
  /** A choice measured earlier on this device for this model, if any. */
  remembered?: RememberedBackend;
}

/**
 * The verified files of a model, by manifest path.
 *
 * @example
 * const graph = files.get('models/use-lite/model.json')
 */
export type ModelFiles = ReadonlyMap<string, Uint8Array>;

/**
 * What {@link Runtime.load} gets from the engine.
 *
 * @example
 * await runtime.load({ manifest, readFiles, policy, signal, onInitializing: () => {} })
 */
export interface RuntimeLoadOptions {
  manifest: ModelManifest;
  /**
   * Downloads (or reads) the manifest's files, each checked against its sha256, with one
   * byte-accurate progress stream and cancellation by `signal`; cached for the next load.
   */
  readFiles(): Promise<ModelFiles>;
  /**
   * For manifests with a `location` (Transformers.js): reads the files the runtime asks for
   * there, with the same progress stream, integrity checks (when hashes are known), cache and
   * cancellation.
   */
  locationFiles?: LocationFileReader;
  policy: BackendPolicy;
  signal?: AbortSignal;
  /** Called once the files are in, while the runtime builds the model and picks a backend. */
  onInitializing(): void;
}

/**
 * The token ids of one text, at most the model's token limit, and whether the text had more.
 *
 * @example
 * const [{ tokens, truncated }] = model.tokenize(['Hello'], model.maxTokens)
 */
export interface TokenizedText {
  tokens: number[];
  /** The text had more than the limit (the model sees its start only). */
  truncated: boolean;
}

/**
 * Token ids of a text with, per token, the characters of the text it stands for (`[start, end)`,
 * UTF-16 offsets; `[-1, -1]` for special tokens such as `[CLS]`).
 *
 * @example
 * const [{ tokens, offsets }] = model.tokenizeWithOffsets!(['Alice works'], 128)
 */
export interface TokenizedTextWithOffsets extends TokenizedText {
  offsets: [number, number][];
}

/**
 * Options of one generation, as the engine passes them to a runtime.
 *
 * @example
 * await model.generate!(input, { maxNewTokens: 60, temperature: 0, topK: 0, stop: [] }, onText, () => false)
 */
export interface RuntimeGenerateOptions {
  maxNewTokens: number;
  /** 0: greedy (the same text every time). */
  temperature: number;
  /** Sample from the `topK` likeliest tokens; 0: from all. */
  topK: number;
  /** Generation ends before any of these strings (which are left out of the text). */
  stop: readonly string[];
  /** Seed of the sampler, for reproducible sampling. */
  seed?: number;
}

/**
 * What a generation produced.
 *
 * @example
 * const { text, tokens, finishReason } = await model.generate!(…)
 */
export interface RuntimeGeneration {
  /** The new text (the prompt not included). */
  text: string;
  /** New tokens generated. */
  tokens: number;
  /** Tokens of the prompt, after the chat template. */
  promptTokens: number;
  /** `eos`: the model ended; `length`: maxNewTokens reached; `stop`: a stop string; `cancelled`. */
  finishReason: 'eos' | 'length' | 'stop' | 'cancelled';
  /**
   * Mean natural-log probability the model gave each generated token, from its logits before
   * temperature and top-k (≤ 0); null when no token was generated (the public
   * `GenerationResult.meanTokenLogProbability` says more).
   */
  meanTokenLogProbability: number | null;
}

/**
 * A prompt, or chat messages (formatted with the tokenizer's chat template).
 *
 * @example
 * const input: GenerationInput = { messages: [{ role: 'user', content: 'Hi' }] }
 */
export type GenerationInput =
  | { prompt: string }
  | { messages: readonly { role: 'system' | 'user' | 'assistant'; content: string }[] };

/**
 * A loaded model, ready to run on its backend. Sequence models (embeddings, text and pair
 * classifiers) share one shape: tokenise, then `run` gives one row of `dimensions` floats per
 * text (a vector, or label probabilities). Token classifiers add `tokenizeWithOffsets` and
 * `runTokens`; generators add `generate`.
 *
 * @example
 * const [{ tokens }] = model.tokenize(['Hello'], model.maxTokens)
 * const vectors = await model.run([tokens]) // 1 × model.dimensions floats
 */
export interface RuntimeModel {
  /** What the model does. */
  readonly task: ModelTask;
  /** Length of every output row: vector length, or label count (0 for generators). */
  readonly dimensions: number;
  /** The backend it runs on. */
  readonly backend: BackendName;
  /** Most tokens of a text the model uses; later tokens change nothing. */
  readonly maxTokens: number;
  /** Labels of a classifier's outputs, in order. */
  readonly labels?: readonly string[];
  /** Precision of its weights, when the runtime has a choice (`fp32`, `q8`…). */
  readonly dtype?: string;
  /**
   * What one run costs on this device (milliseconds fixed and per padded token), so the engine
   * cuts batches to its time budget. Absent: USE-lite's cost on wasm.
   */
  readonly runCost?: { fixedMs: number; perTokenMs: number };
  /**
   * Token ids of each text, at most `maxTokens` of them, read in time linear in the part of the
   * text used (a 1 MB text costs no more than its first few thousand characters); their counts
   * tell the engine which texts to run together.
   */
  tokenize(texts: readonly string[], maxTokens: number): TokenizedText[];
  /** Token ids of text pairs (premise, hypothesis) for pair classifiers (NLI). */
  tokenizePairs?(pairs: readonly (readonly [string, string])[], maxTokens: number): TokenizedText[];
  /**
   * Runs tokenised texts in one model run: `tokens.length × dimensions` floats, in order
   * (vectors, or label probabilities).
   */
  run(tokens: readonly (readonly number[])[]): Promise<Float32Array>;
  /** Token ids with character offsets (token classifiers). */
  tokenizeWithOffsets?(texts: readonly string[], maxTokens: number): TokenizedTextWithOffsets[];
  /** Label probabilities of every token: per text, `tokens × dimensions` floats. */
  runTokens?(tokens: readonly (readonly number[])[]): Promise<Float32Array[]>;
  /**
   * Generates text, calling `onText` with each new piece as it is decoded; checks `isCancelled`
   * between tokens.
   */
  generate?(
    input: GenerationInput,
    options: RuntimeGenerateOptions,
    onText: (text: string) => void,
    isCancelled: () => boolean,
  ): Promise<RuntimeGeneration>;
  /** Frees what the model holds (tensors, sessions). */
  unload(): void | Promise<void>;
}

/**
 * What a runtime reports after loading a model.
 *
 * @example
 * const { model, selection } = await runtime.load(options)
 * console.log(selection.chosen, selection.candidates)
 */
export interface RuntimeLoadResult {
  model: RuntimeModel;
  /** How the backend was chosen, with every candidate's outcome and reason. */
  selection: BackendSelection;
  /**
   * Present when the backend is the probe's best guess (`decidedBy: 'probe'`): measures every
   * usable backend with the real model and resolves with the fastest's model (the same one when
   * the guess was right; the caller unloads the one it replaces) and the measured selection.
   * The engine calls it once, when the model has been idle for a moment.
   */
  measure?(): Promise<RuntimeLoadResult>;
}

/**
 * One backend as a runtime's probe found it, before any model is loaded.
 *
 * @example
 * probe.backends.filter((backend) => backend.usable).map((backend) => backend.name)
 */
export interface BackendProbe {
  name: BackendName;
  usable: boolean;
  /** GPU renderer or wasm features, when known. */
  device?: string;
  /** Why it cannot be used, when it cannot. */
  reason?: string;
}

/**
 * What a runtime can do on this thread.
 *
 * @example
 * const { capabilities, backends } = await runtime.probe()
 */
export interface RuntimeProbe {
  capabilities: Readonly<Capabilities>;
  /** Every backend the runtime knows, in the order `auto` considers them. */
  backends: BackendProbe[];
}

/**
 * Memory a runtime holds on its thread.
 *
 * @example
 * const { tensors, bytes } = await runtime.memory()
 */
export interface RuntimeMemory {
  /** Live tensors (or sessions, buffers) the runtime tracks. */
  tensors: number;
  /** Bytes they hold, as far as the runtime knows. */
  bytes: number;
}

/**
 * An ML runtime behind one small interface: probe what the thread offers, load a model from its
 * manifest (files verified and reported by the engine), run it, report memory, unload. Each
 * implementation lives in a folder of `runtimes/` and is named in `runtimes/registry.ts`;
 * manifests name their runtime.
 *
 * @example
 * const runtime = (await runtimeRegistry.tfjs!()).createRuntime(environment)
 * const { model } = await runtime.load({ manifest, readFiles, policy, onInitializing })
 * const vectors = await model.run(model.tokenize(['Hello world'], 128).map((text) => text.tokens))
 */
export interface Runtime {
  readonly specificationVersion: typeof runtimeSpecificationVersion;
  /** The name manifests use in their `runtime` field. */
  readonly name: string;
  /** Capability flags and the usable backends of this thread, without loading a model. */
  probe(): Promise<RuntimeProbe>;
  /** Loads a model: reads its verified files, builds it, picks its backend. */
  load(options: RuntimeLoadOptions): Promise<RuntimeLoadResult>;
  /** Memory held on this thread. */
  memory(): Promise<RuntimeMemory>;
}

/**
 * Creates a runtime for one engine.
 *
 * @example
 * export const createRuntime: RuntimeFactory = (environment) => new TfjsRuntime(environment)
 */
export type RuntimeFactory = (environment: RuntimeEnvironment) => Runtime;
