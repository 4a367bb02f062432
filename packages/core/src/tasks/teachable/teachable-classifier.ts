import { checkOptions, optionRules } from '../../util/check-options.js';
import {
  AbortError,
  ClassifierStorageError,
  InvalidClassifierDataError,
  InvalidInputError,
  LimitExceededError,
  OnDeviceError,
  RuntimeError,
} from '@ondevice/errors';
import { describeValue } from '../../util/describe-value.js';
import { Subscribable } from '../../util/subscribable.js';
import { validateText, validateTexts } from '../../util/validate-texts.js';
import {
  type ClassifyOptions,
  type ExplainOptions,
  classifyOptionRules,
  explainOptionRules,
} from '../call-options.js';
import type { Explanation } from '../explain/explanation-types.js';
import type { TaskInstance, TaskRunner } from '../task-definition.js';
import { validateLabels } from '../zero-shot/validate-labels.js';
import type { ZeroShotLabel } from '../zero-shot/zero-shot-types.js';
import {
  type ClassifierStore,
  type StoredMeta,
  type StoredRecord,
  storedVersion,
} from './classifier-store.js';
import type { StoredClassifier } from './read-stored-classifier.js';
import { packVectors, unpackVectors } from './pack-vectors.js';
import { type TeachableLimits, checkTeachableLimit } from './teachable-limits.js';
import { type TeachableModel, fromExport, toExport, validateExamples } from './teachable-model.js';
import {
  type TeachableOutcome,
  type TeachablePayload,
  type TeachableStatePayload,
  teachableTask,
} from './teachable-task.js';
import type {
  TaughtExample,
  LearnOptions,
  TeachableClassifier,
  TeachableExample,
  TeachableExport,
  TeachablePrediction,
  TeachableState,
} from './teachable-types.js';

/** Confidence under which a prediction is `unsure` when the options do not say. */
const defaultUnsureBelow = 0.5;

/** Tries of a change when other tabs keep committing first (each retrains on their state). */
const maximumAttempts = 5;

/** The checked options of a teachable classifier; `unsureBelow` undefined keeps the stored one. */
export interface TeachableSettings {
  id: string;
  labels: ZeroShotLabel[];
  unsureBelow: number | undefined;
  /** The client's limits (examples, labels, import size); none when undefined. */
  limits: TeachableLimits | undefined;
}

/** A trained next state, not yet committed. */
interface Trained {
  model: TeachableModel;
  /** Vectors of the model's examples, by text. */
  vectors: Map<string, Float32Array>;
  /** The engine version it was trained as. */
  version: number;
  /** Replaces every stored example (import). */
  whole: boolean;
}

/** Errors in the caller's input: the classifier itself is fine, its state unchanged. */
const isCallerError = (error: unknown) =>
  AbortError.isInstance(error) ||
  InvalidInputError.isInstance(error) ||
  LimitExceededError.isInstance(error) ||
  InvalidClassifierDataError.isInstance(error);

/**
 * The page side of a teachable classifier. It owns the authoritative state (labels, examples,
 * their vectors, trained head), persists it, and keeps a numbered version of it: training stores
 * the new version in the engine, and a request names the version it expects, so the engine asks
 * for the state only when it does not hold that version (a new worker after a crash, a state
 * read from storage).
 *
 * Changes run one at a time and commit only when training and the write succeeded. The store
 * counts committed revisions: a change first adopts what other tabs committed (so their examples
 * are kept), then commits only over the revision it started from, else starts again on the new
 * state. A stored classifier that cannot be read blocks every change (it is never overwritten)
 * until `reset()`.
 */
class DeviceTeachableClassifier extends Subscribable implements TeachableClassifier {
  private model: TeachableModel;
  private vectors = new Map<string, Float32Array>();
  /** Version of `model` in the engine; `versions` numbers new ones (never reused). */
  private version = 0;
  private versions = 0;
  /** The stored revision `model` is at (0: nothing stored). */
  private revision = 0;
  /** `model` was read from a version-1 record: the next write rewrites it whole. */
  private legacy = false;
  /** Set when the stored classifier cannot be read: it is never overwritten. */
  private blocked: ClassifierStorageError | null = null;
  private unreadable: StoredRecord | undefined;
  private status: TeachableState['status'] = 'loading';
  private error: OnDeviceError | null = null;
  private lastTrainingMs: number | null = null;
  private storageKind: TeachableState['storage'] = 'memory';
  private snapshot: TeachableState | undefined;
  /** Settles when the stored state was read; every change waits for the one before it. */
  private queue: Promise<unknown>;
  private store: ClassifierStore | undefined;

  constructor(
    private readonly runner: TaskRunner,
    private readonly instanceId: string,
    private readonly settings: TeachableSettings,
    openStore: () => Promise<ClassifierStore>,
  ) {
    super();
    this.model = this.emptyModel();
    this.queue = this.restore(openStore);
  }

  get id(): string {
    return this.settings.id;
  }

  get modelId(): string {
    return this.runner.modelId;
  }

  getSnapshot = (): TeachableState => {
    this.snapshot ??= {
      id: this.settings.id,
      labels: this.model.labels.map((label) => label.id),
      examples: this.model.examples,
      status: this.status,
      error: this.error,
      lastTrainingMs: this.lastTrainingMs,
      storage: this.storageKind,
    };
    return this.snapshot;
  };

  async learn(
    examples: TeachableExample | readonly TeachableExample[],
    options: LearnOptions = {},
  ): Promise<void> {
    checkOptions(options, { signal: optionRules.signal }, 'learn()');
    const checked = validateExamples(examples);
    const { limits } = this.settings;
    return this.change(async (model) => {
      const taughtAt = new Date().toISOString();
      const labels = [...model.labels];
      const known = new Set(labels.map((label) => label.id));
      const byText = new Map(model.examples.map((example) => [example.text, example]));
      for (const example of checked) {
        if (!known.has(example.label)) {
          known.add(example.label);
          labels.push({ id: example.label, descriptions: [] });
        }
        // A text has one label: teaching it again (a correction) replaces the earlier example.
        byText.delete(example.text);
        byText.set(example.text, { ...example, taughtAt });
      }
      checkTeachableLimit(limits, 'maxLabels', labels.length, `Classifier "${this.id}": learn()`);
      checkTeachableLimit(limits, 'maxExamples', byText.size, `Classifier "${this.id}": learn()`);
      const next = { ...model, labels, examples: inTaughtOrder([...byText.values()]) };
      return this.train(next, options.signal);
    });
  }

  async forget(example: TeachableExample | { label: string }): Promise<void> {
    if (typeof example !== 'object' || example === null || typeof example.label !== 'string') {
      throw new InvalidInputError({
        parameter: 'example',
        message: `forget() takes { text, label } or { label }; got ${describeValue(example)}.`,
      });
    }
    return this.change(async (model) => {
      const examples = model.examples.filter((existing) =>
        'text' in example
          ? existing.text !== example.text || existing.label !== example.label
          : existing.label !== example.label,
      );
      // A label learnt from examples alone (not declared, no descriptions) goes with its last
      // example.
      const declared = new Set(this.settings.labels.map((label) => label.id));
      const used = new Set(examples.map((existing) => existing.label));
      const labels = model.labels.filter(
        (label) => declared.has(label.id) || used.has(label.id) || label.descriptions.length > 0,
      );
      if (examples.length === model.examples.length && labels.length === model.labels.length) {
        return null;
      }
      return this.train({ ...model, labels, examples });
    });
  }

  predict(text: string, options?: ClassifyOptions): Promise<TeachablePrediction>;
  predict(texts: readonly string[], options?: ClassifyOptions): Promise<TeachablePrediction[]>;
  async predict(
    input: string | readonly string[],
    options: ClassifyOptions = {},
  ): Promise<TeachablePrediction | TeachablePrediction[]> {
    checkOptions(options, classifyOptionRules, 'predict()');
    const texts = validateTexts(input, 'predict', this.runner.limits);
    const results = await this.runPrediction(
      texts,
      options.explain === true,
      undefined,
      options.signal,
    );
    return typeof input === 'string' ? (results[0] as TeachablePrediction) : results;
  }

  async explain(text: string, options: ExplainOptions = {}): Promise<Explanation> {
    checkOptions(options, explainOptionRules, 'explain()');
    const checked = validateText(text, 'explain');
    await this.queue.catch(() => undefined);
    if (this.blocked) throw this.blocked;
    if (
      options.label !== undefined &&
      !this.model.labels.some((label) => label.id === options.label)
    ) {
      throw new InvalidInputError({
        parameter: 'label',
        message: `Cannot explain unknown label "${String(options.label)}". Labels: ${this.model.labels.map((label) => label.id).join(', ') || '(none)'}.`,
      });
    }
    const [result] = await this.runPrediction([checked], true, options.label, options.signal);
    return (result as TeachablePrediction).explanation as Explanation;
  }

  async export(): Promise<TeachableExport> {
    await this.queue.catch(() => undefined);
    // An empty export of a classifier whose stored data is unreadable would pass for the real one.
    if (this.blocked) throw this.blocked;
    return toExport(this.settings.id, this.runner.modelId, this.model);
  }

  async import(data: unknown): Promise<void> {
    const { limits } = this.settings;
    let json: string | undefined;
    try {
      json = JSON.stringify(data);
    } catch (error) {
      throw new InvalidClassifierDataError({
        path: '$',
        message: `Invalid classifier data at $: not JSON data (${String(error)}).`,
        cause: error,
      });
    }
    checkTeachableLimit(
      limits,
      'maxImportBytes',
      new TextEncoder().encode(json ?? '').byteLength,
      `Classifier "${this.id}": import() (bytes of JSON)`,
    );
    // The checker is loaded with the first import or stored record: most pages never need it.
    const { validateTeachableExport } = await import('./validate-export.js');
    const checked = validateTeachableExport(data, {
      modelId: this.runner.modelId,
      dimensions: this.runner.dimensions,
      limits,
    });
    return this.change(async () => {
      const model = fromExport(checked);
      // Exports carry no vectors: the engine embeds the examples when it first needs them.
      return {
        model: { ...model, examples: inTaughtOrder(model.examples) },
        vectors: new Map(),
        version: (this.versions += 1),
        whole: true,
      };
    });
  }

  async reset(): Promise<void> {
    const run = this.queue
      .catch(() => undefined)
      .then(async () => {
        try {
          await this.store?.remove(this.settings.id);
        } catch (error) {
          const failure = storageWriteError(this.settings.id, error);
          this.setStatus('error', failure);
          throw failure;
        }
        this.blocked = null;
        this.unreadable = undefined;
        this.adopt(
          {
            model: this.emptyModel(),
            vectors: new Map(),
            version: (this.versions += 1),
            whole: true,
          },
          0,
        );
        this.setStatus('ready', null);
      });
    this.queue = run;
    return run;
  }

  async storedRecord(): Promise<unknown> {
    await this.queue.catch(() => undefined);
    if (this.unreadable) return this.unreadable;
    return this.store?.read(this.settings.id);
  }

  private async runPrediction(
    texts: string[],
    explain: boolean,
    explainLabel: string | undefined,
    signal: AbortSignal | undefined,
  ): Promise<TeachablePrediction[]> {
    // Predictions use the state as of the last committed change.
    await this.queue.catch(() => undefined);
    if (this.blocked) throw this.blocked;
    if (texts.length === 0) return [];
    const outcome = await this.runner.run(
      teachableTask,
      { op: 'predict', texts, explain, ...(explainLabel === undefined ? {} : { explainLabel }) },
      { signal, instance: this.instance() },
    );
    return (outcome as Extract<TeachableOutcome, { op: 'predict' }>).results;
  }

  /** The committed state as the engine may ask for it (only when it does not hold it). */
  private instance(): TaskInstance<TeachableStatePayload> {
    const { model, vectors, version } = this;
    return {
      id: this.instanceId,
      version,
      state: () => {
        const { head, ...rest } = toExport(this.settings.id, this.runner.modelId, model);
        return {
          labels: rest.labels,
          examples: rest.examples.map(({ text, label }) => ({ text, label })),
          unsureBelow: rest.unsureBelow,
          head,
          vectors: packVectors(
            model.examples.map((example) => example.text),
            vectors,
          ),
        };
      },
    };
  }

  /** Trains a head for `model` in the engine, from the committed state, as a new version. */
  private async train(model: TeachableModel, signal?: AbortSignal): Promise<Trained> {
    this.setStatus('training', null);
    const version = (this.versions += 1);
    const payload: TeachablePayload = {
      op: 'train',
      id: this.instanceId,
      version,
      labels: model.labels,
      examples: model.examples.map(({ text, label }) => ({ text, label })),
      unsureBelow: model.unsureBelow,
    };
    const outcome = (await this.runner.run(teachableTask, payload, {
      signal,
      instance: this.instance(),
    })) as Extract<TeachableOutcome, { op: 'train' }>;
    this.lastTrainingMs = outcome.trainingMs + outcome.embeddingMs;
    const added = unpackVectors(outcome.vectors);
    const vectors = new Map<string, Float32Array>();
    for (const { text } of model.examples) {
      const vector = added.get(text) ?? this.vectors.get(text);
      if (vector) vectors.set(text, vector);
    }
    return { model: { ...model, head: outcome.head }, vectors, version, whole: false };
  }

  /**
   * Runs a change after the ones before it, on the latest committed state (other tabs'
   * included), and commits its result in one write: or, when another tab committed meanwhile,
   * runs it again on that state.
   */
  private change(update: (model: TeachableModel) => Promise<Trained | null>): Promise<void> {
    const run = this.queue
      .catch(() => undefined)
      .then(async () => {
        if (this.blocked) throw this.blocked;
        try {
          for (let attempt = 1; ; attempt += 1) {
            await this.refresh();
            const next = await update(this.model);
            if (next === null) break;
            if (await this.persist(next)) {
              this.adopt(next, this.revision + 1);
              break;
            }
            if (attempt === maximumAttempts) {
              throw new ClassifierStorageError({
                classifierId: this.id,
                reason: 'conflict',
                message: `Classifier "${this.id}" was changed by other tabs ${maximumAttempts} times while this one tried to save; nothing was written. Try again.`,
              });
            }
          }
          this.setStatus('ready', null);
        } catch (error) {
          if (this.blocked) this.setStatus('error', this.blocked);
          // The previous state stays; an abort or a bad argument is not a failure of the
          // classifier.
          else if (isCallerError(error)) this.setStatus('ready', null);
          else this.setStatus('error', asOnDeviceError(error));
          throw error;
        }
      });
    this.queue = run;
    return run;
  }

  /** Writes the change from the committed state to `next` in one transaction. */
  private async persist(next: Trained): Promise<boolean> {
    if (!this.store) return true;
    const whole = next.whole || this.legacy;
    const previous = new Map(this.model.examples.map((example) => [example.text, example]));
    const put = next.model.examples
      .filter((example) => {
        const before = previous.get(example.text);
        return (
          whole ||
          before?.label !== example.label ||
          before.taughtAt !== example.taughtAt ||
          (next.vectors.has(example.text) && !this.vectors.has(example.text))
        );
      })
      .map((example) => ({ ...example, vector: next.vectors.get(example.text) ?? null }));
    const kept = new Set(next.model.examples.map((example) => example.text));
    const remove = whole ? [] : [...previous.keys()].filter((text) => !kept.has(text));
    const { head } = next.model;
    const meta: StoredMeta = {
      format: 'ondevice.teachable.stored',
      version: storedVersion,
      id: this.settings.id,
      modelId: this.runner.modelId,
      labels: next.model.labels.map((label) => ({
        ...label,
        descriptions: [...label.descriptions],
      })),
      head: head && { ...head, labels: [...head.labels] },
      unsureBelow: next.model.unsureBelow,
      revision: this.revision + 1,
    };
    try {
      return await this.store.commit(this.settings.id, this.revision, {
        meta,
        put,
        remove,
        clear: whole,
      });
    } catch (error) {
      throw storageWriteError(this.settings.id, error);
    }
  }

  private adopt(next: Trained, revision: number) {
    this.model = next.model;
    this.vectors = next.vectors;
    this.version = next.version;
    this.revision = revision;
    this.legacy = false;
  }

  /**
   * Adopts what is stored when it is not the revision this classifier holds (another tab
   * committed, or reset it). True when the state changed.
   */
  private async refresh(force = false): Promise<boolean> {
    const { store } = this;
    if (!store) return false;
    const id = this.settings.id;
    let stored: StoredRecord | undefined;
    try {
      if (!force && (await store.revision(id)) === this.revision) return false;
      stored = await store.read(id);
    } catch (error) {
      this.blocked = new ClassifierStorageError({
        classifierId: id,
        reason: 'read-failed',
        cause: error,
        message: `The stored classifier "${id}" could not be read (${describeValue(error)}). It is not overwritten: reload the page to try again, or discard it with reset().`,
      });
      throw this.blocked;
    }
    if (stored === undefined) {
      // Nothing stored (or another tab reset it).
      if (this.revision === 0 && !force) return false;
      this.adopt(
        {
          model: this.emptyModel(),
          vectors: new Map(),
          version: (this.versions += 1),
          whole: true,
        },
        0,
      );
      return true;
    }
    const { readStoredClassifier } = await import('./read-stored-classifier.js');
    let read: StoredClassifier;
    try {
      read = readStoredClassifier(stored, id, {
        modelId: this.runner.modelId,
        dimensions: this.runner.dimensions,
      });
    } catch (error) {
      if (ClassifierStorageError.isInstance(error)) {
        this.blocked = error;
        this.unreadable = stored;
      }
      throw error;
    }
    // Labels declared in the options but not yet stored are added (they have no examples).
    const known = new Set(read.model.labels.map((label) => label.id));
    const added = this.settings.labels.filter((label) => !known.has(label.id));
    const model: TeachableModel = {
      ...read.model,
      labels: [...read.model.labels, ...added],
      unsureBelow: this.settings.unsureBelow ?? read.model.unsureBelow,
    };
    this.adopt(
      {
        model: { ...read.model, examples: inTaughtOrder(read.model.examples) },
        vectors: read.vectors,
        version: (this.versions += 1),
        whole: false,
      },
      read.revision,
    );
    this.legacy = read.legacy;
    if (added.length > 0 && model.examples.length > 0) {
      // Retrained here, committed with the next change.
      const trained = await this.train({ ...model, examples: this.model.examples });
      this.model = trained.model;
      this.vectors = trained.vectors;
      this.version = trained.version;
    } else {
      this.model = { ...this.model, labels: model.labels, unsureBelow: model.unsureBelow };
    }
    return true;
  }

  private async restore(openStore: () => Promise<ClassifierStore>): Promise<void> {
    try {
      this.store = await openStore();
      this.storageKind = this.store.kind;
      this.store.subscribe(this.settings.id, () => this.sync());
      await this.refresh(true);
      this.setStatus('ready', null);
    } catch (error) {
      // Stored data that cannot be read is kept (see `blocked`); the status tells the UI.
      this.setStatus('error', this.blocked ?? asOnDeviceError(error));
    }
  }

  /** Another tab (or classifier) committed: adopt its state, after the changes under way. */
  private sync() {
    this.queue = this.queue
      .catch(() => undefined)
      .then(async () => {
        if (this.blocked) return;
        try {
          if (await this.refresh()) this.setStatus('ready', null);
        } catch (error) {
          this.setStatus('error', this.blocked ?? asOnDeviceError(error));
        }
      });
  }

  private emptyModel(): TeachableModel {
    return {
      labels: this.settings.labels,
      examples: [],
      head: null,
      unsureBelow: this.settings.unsureBelow ?? defaultUnsureBelow,
    };
  }

  private setStatus(status: TeachableState['status'], error: OnDeviceError | null) {
    this.status = status;
    this.error = error;
    this.snapshot = undefined;
    this.notify();
  }
}

/**
 * Examples in the order they were taught: by `taughtAt` (ISO 8601 sorts as dates), then text.
 * Storage keeps examples by text, so this is the order a classifier has after a reload too.
 */
function inTaughtOrder(examples: TaughtExample[]): TaughtExample[] {
  return [...examples].sort((left, right) =>
    left.taughtAt < right.taughtAt
      ? -1
      : left.taughtAt > right.taughtAt
        ? 1
        : left.text < right.text
          ? -1
          : left.text > right.text
            ? 1
            : 0,
  );
}

function storageWriteError(classifierId: string, error: unknown): ClassifierStorageError {
  if (ClassifierStorageError.isInstance(error)) return error;
  const quota = (error as { name?: unknown } | null)?.name === 'QuotaExceededError';
  return new ClassifierStorageError({
    classifierId,
    reason: quota ? 'quota-exceeded' : 'write-failed',
    cause: error,
    message: quota
      ? `Classifier "${classifierId}" could not be saved: the browser's storage quota is used up. Nothing was written; the classifier keeps its previous state. Free some storage (or ask for persistent storage) and try again.`
      : `Classifier "${classifierId}" could not be saved (${describeValue(error)}). Nothing was written; the classifier keeps its previous state.`,
  });
}

function asOnDeviceError(error: unknown): OnDeviceError {
  if (OnDeviceError.isInstance(error)) return error;
  return new RuntimeError({
    message: `The teachable classifier failed: ${String(error)}`,
    cause: error,
  });
}

/** Every option of `teachable()` (values are checked below). */
const teachableOptionRules = {
  id: optionRules.string,
  model: optionRules.string,
  labels: optionRules.any,
  unsureBelow: optionRules.any,
};

/**
 * The checked options of a teachable classifier.
 *
 * @throws {InvalidInputError} when `id` is empty, labels are malformed or `unsureBelow` is
 *   outside [0, 1].
 * @throws {LimitExceededError} with more labels than `limits.maxLabels` (the client's limits).
 * @example
 * teachableSettings({ id: 'intents' }, client.limits) // { id: 'intents', labels: [], unsureBelow: undefined, limits }
 */
export function teachableSettings(options: unknown, limits?: TeachableLimits): TeachableSettings {
  const given = options as { id?: unknown; labels?: unknown; unsureBelow?: unknown } | null;
  if (
    typeof given !== 'object' ||
    given === null ||
    typeof given.id !== 'string' ||
    given.id.trim() === ''
  ) {
    throw new InvalidInputError({
      parameter: 'id',
      message: `teachable() needs a non-empty string id to persist the classifier under; got ${describeValue(given?.id)}.`,
    });
  }
  checkOptions(given, teachableOptionRules, 'teachable()');
  const { unsureBelow } = given;
  if (
    unsureBelow !== undefined &&
    (typeof unsureBelow !== 'number' || !(unsureBelow >= 0 && unsureBelow <= 1))
  ) {
    throw new InvalidInputError({
      parameter: 'unsureBelow',
      message: `unsureBelow must be a number in [0, 1]; got ${describeValue(unsureBelow)}.`,
    });
  }
  const labels = validateLabels(given.labels ?? [], 'labels', 0);
  checkTeachableLimit(
    limits,
    'maxLabels',
    labels.length,
    `teachable({ id: "${given.id}" }) labels`,
  );
  return { id: given.id, labels, unsureBelow, limits };
}

/**
 * Creates a teachable classifier (the client keeps one per id).
 *
 * @example
 * const intents = createTeachableClassifier(runner, 'teachable#1', teachableSettings({ id: 'intents' }), openClassifierStore)
 */
export function createTeachableClassifier(
  runner: TaskRunner,
  instanceId: string,
  settings: TeachableSettings,
  openStore: () => Promise<ClassifierStore>,
): TeachableClassifier {
  return new DeviceTeachableClassifier(runner, instanceId, settings, openStore);
}
