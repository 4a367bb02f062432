import { AbortError, InvalidInputError, OnDeviceError, RuntimeError } from '@ondevice/errors';
import { describeValue } from '../../util/describe-value.js';
import { Subscribable } from '../../util/subscribable.js';
import { validateText, validateTexts } from '../../util/validate-texts.js';
import type { ClassifyOptions, ExplainOptions } from '../call-options.js';
import type { Explanation } from '../explain/explanation-types.js';
import type { TaskRunner } from '../task-definition.js';
import { validateLabels } from '../zero-shot/validate-labels.js';
import type { ZeroShotLabel } from '../zero-shot/zero-shot-types.js';
import type { ClassifierStore } from './classifier-store.js';
import { type TeachableModel, fromExport, toExport, validateExamples } from './teachable-model.js';
import { type TeachableOutcome, type TeachablePayload, teachableTask } from './teachable-task.js';
import type {
  LearnOptions,
  TeachableClassifier,
  TeachableExample,
  TeachableExport,
  TeachablePrediction,
  TeachableState,
} from './teachable-types.js';

/** Confidence under which a prediction is `unsure` when the options do not say. */
const defaultUnsureBelow = 0.5;

/** The checked options of a teachable classifier; `unsureBelow` undefined keeps the stored one. */
export interface TeachableSettings {
  id: string;
  labels: ZeroShotLabel[];
  unsureBelow: number | undefined;
}

/**
 * The page side of a teachable classifier. It owns the authoritative state (labels, examples,
 * trained head), persists it, and keeps a numbered version of it: training stores the new
 * version in the engine, and a prediction names the version it expects, so the engine asks for
 * the state only when it does not hold that version (a new worker after a crash). Changes run
 * one at a time and commit only when training succeeded.
 */
class DeviceTeachableClassifier extends Subscribable implements TeachableClassifier {
  private model: TeachableModel;
  /** Version of `model`; the engine holds the classifier by id and version. */
  private version = 0;
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
    this.model = {
      labels: settings.labels,
      examples: [],
      head: null,
      unsureBelow: settings.unsureBelow ?? defaultUnsureBelow,
    };
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
    const checked = validateExamples(examples);
    return this.change(async (model, version) => {
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
      const next = { ...model, labels, examples: [...byText.values()] };
      return this.train(next, version, options.signal);
    });
  }

  async forget(example: TeachableExample | { label: string }): Promise<void> {
    if (typeof example !== 'object' || example === null || typeof example.label !== 'string') {
      throw new InvalidInputError({
        parameter: 'example',
        message: `forget() takes { text, label } or { label }; got ${describeValue(example)}.`,
      });
    }
    return this.change(async (model, version) => {
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
        return model;
      }
      return this.train({ ...model, labels, examples }, version);
    });
  }

  predict(text: string, options?: ClassifyOptions): Promise<TeachablePrediction>;
  predict(texts: readonly string[], options?: ClassifyOptions): Promise<TeachablePrediction[]>;
  async predict(
    input: string | readonly string[],
    options: ClassifyOptions = {},
  ): Promise<TeachablePrediction | TeachablePrediction[]> {
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
    const checked = validateText(text, 'explain');
    await this.queue.catch(() => undefined);
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
    return toExport(this.settings.id, this.runner.modelId, this.model);
  }

  async import(data: unknown): Promise<void> {
    // The checker is loaded with the first import or stored record: most pages never need it.
    const { validateTeachableExport } = await import('./validate-export.js');
    const checked = validateTeachableExport(data, {
      modelId: this.runner.modelId,
      dimensions: this.runner.dimensions,
    });
    return this.change(async () => fromExport(checked));
  }

  private async runPrediction(
    texts: string[],
    explain: boolean,
    explainLabel: string | undefined,
    signal: AbortSignal | undefined,
  ): Promise<TeachablePrediction[]> {
    // Predictions use the state as of the last committed change.
    await this.queue.catch(() => undefined);
    if (texts.length === 0) return [];
    const { model, version } = this;
    const outcome = await this.runner.run(
      teachableTask,
      { op: 'predict', texts, explain, ...(explainLabel === undefined ? {} : { explainLabel }) },
      {
        signal,
        instance: {
          id: this.instanceId,
          version,
          state: () => toExport(this.settings.id, this.runner.modelId, model),
        },
      },
    );
    return (outcome as Extract<TeachableOutcome, { op: 'predict' }>).results;
  }

  /** Trains a head for `model` in the engine, which keeps it as the next version. */
  private async train(
    model: TeachableModel,
    version: number,
    signal?: AbortSignal,
  ): Promise<TeachableModel> {
    this.setStatus('training', null);
    const payload: TeachablePayload = {
      op: 'train',
      id: this.instanceId,
      version: version + 1,
      labels: model.labels,
      examples: model.examples.map(({ text, label }) => ({ text, label })),
      unsureBelow: model.unsureBelow,
    };
    const outcome = (await this.runner.run(teachableTask, payload, { signal })) as Extract<
      TeachableOutcome,
      { op: 'train' }
    >;
    this.lastTrainingMs = outcome.trainingMs + outcome.embeddingMs;
    return { ...model, head: outcome.head };
  }

  /** Runs a change after the ones before it; commits and persists its result. */
  private change(
    update: (model: TeachableModel, version: number) => Promise<TeachableModel>,
  ): Promise<void> {
    const run = this.queue
      .catch(() => undefined)
      .then(async () => {
        try {
          const next = await update(this.model, this.version);
          if (next !== this.model) {
            await this.store?.write(
              this.settings.id,
              toExport(this.settings.id, this.runner.modelId, next),
            );
            this.model = next;
            this.version += 1;
          }
          this.setStatus('ready', null);
        } catch (error) {
          // The previous state stays; an abort is not a failure of the classifier.
          if (AbortError.isInstance(error)) this.setStatus('ready', null);
          else this.setStatus('error', asOnDeviceError(error));
          throw error;
        }
      });
    this.queue = run;
    return run;
  }

  private async restore(openStore: () => Promise<ClassifierStore>): Promise<void> {
    try {
      this.store = await openStore();
      this.storageKind = this.store.kind;
      const stored = await this.store.read(this.settings.id);
      if (stored !== undefined) {
        const { validateTeachableExport } = await import('./validate-export.js');
        const data = fromExport(
          validateTeachableExport(stored, {
            modelId: this.runner.modelId,
            dimensions: this.runner.dimensions,
          }),
        );
        // Labels declared in the options but not yet stored are added (they have no examples).
        const known = new Set(data.labels.map((label) => label.id));
        const added = this.settings.labels.filter((label) => !known.has(label.id));
        let model: TeachableModel = {
          ...data,
          labels: [...data.labels, ...added],
          unsureBelow: this.settings.unsureBelow ?? data.unsureBelow,
        };
        if (added.length > 0 && data.examples.length > 0) model = await this.train(model, 0);
        this.model = model;
        this.version += 1;
      }
      this.setStatus('ready', null);
    } catch (error) {
      // Unreadable storage or stored data that fails validation: start afresh (the next change
      // overwrites it); the status tells the UI.
      this.setStatus('error', asOnDeviceError(error));
    }
  }

  private setStatus(status: TeachableState['status'], error: OnDeviceError | null) {
    this.status = status;
    this.error = error;
    this.snapshot = undefined;
    this.notify();
  }
}

function asOnDeviceError(error: unknown): OnDeviceError {
  if (OnDeviceError.isInstance(error)) return error;
  return new RuntimeError({
    message: `The teachable classifier failed: ${String(error)}`,
    cause: error,
  });
}

/**
 * The checked options of a teachable classifier.
 *
 * @throws {InvalidInputError} when `id` is empty, labels are malformed or `unsureBelow` is
 *   outside [0, 1].
 * @example
 * teachableSettings({ id: 'intents' }) // { id: 'intents', labels: [], unsureBelow: undefined }
 */
export function teachableSettings(options: unknown): TeachableSettings {
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
  return { id: given.id, labels, unsureBelow };
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
