import type { Explanation } from '../explain/explanation-types.js';
import { AbortError } from '@ondevice/errors';
import { InvalidInputError } from '@ondevice/errors';
import type { TaskRequest } from '../tasks/task-types.js';
import type { TaskRunner } from '../tasks/task-runner.js';
import { Subscribable } from '../util/subscribable.js';
import { describeValue, validateText, validateTexts } from '../util/validate-texts.js';
import { validateLabels } from '../zero-shot/validate-labels.js';
import type { ZeroShotLabel } from '../zero-shot/zero-shot-types.js';
import type { ClassifierStore } from './classifier-store.js';
import type {
  TeachableClassifier,
  TeachableExport,
  TeachableOptions,
  TeachablePrediction,
  TeachableState,
} from './teachable-types.js';
import { type TeachableModel, fromExport, toExport, validateExamples } from './teachable-model.js';
import { validateTeachableExport } from './validate-export.js';

type PredictOptions = { signal?: AbortSignal; explain?: boolean };

/** Confidence under which a prediction is `unsure` when the options do not say. */
const defaultUnsureBelow = 0.5;

/**
 * The page side of a teachable classifier. It owns the state (labels, examples, trained head),
 * persists it, and posts training and prediction to the engine; the engine keeps nothing
 * between requests but cached embeddings, so the classifier survives a worker restart.
 * Changes run one at a time and commit only when training succeeded.
 */
class DeviceTeachableClassifier extends Subscribable implements TeachableClassifier {
  private model: TeachableModel;
  private status: TeachableState['status'] = 'loading';
  private lastTrainingMs: number | null = null;
  private storageKind: TeachableState['storage'] = 'memory';
  private snapshot: TeachableState | undefined;
  /** Settles when the stored state was read; every change waits for the one before it. */
  private queue: Promise<unknown>;
  private store: ClassifierStore | undefined;

  constructor(
    private readonly runner: TaskRunner,
    /** `unsureBelow` is undefined when not given: the stored value (or 0.5) applies. */
    private readonly options: {
      id: string;
      labels: ZeroShotLabel[];
      unsureBelow: number | undefined;
    },
    private readonly dimensions: number,
    openStore: () => Promise<ClassifierStore>,
  ) {
    super();
    this.model = {
      labels: options.labels,
      examples: [],
      head: null,
      unsureBelow: options.unsureBelow ?? defaultUnsureBelow,
    };
    this.queue = this.restore(openStore);
  }

  getSnapshot = (): TeachableState => {
    this.snapshot ??= {
      id: this.options.id,
      labels: this.model.labels.map((label) => label.id),
      examples: this.model.examples,
      status: this.status,
      lastTrainingMs: this.lastTrainingMs,
      storage: this.storageKind,
    };
    return this.snapshot;
  };

  learn(text: string, label: string, options?: { signal?: AbortSignal }): Promise<void>;
  learn(
    examples: readonly { text: string; label: string }[],
    options?: { signal?: AbortSignal },
  ): Promise<void>;
  async learn(
    first: string | readonly { text: string; label: string }[],
    second?: string | { signal?: AbortSignal },
    third?: { signal?: AbortSignal },
  ): Promise<void> {
    const examples =
      typeof first === 'string'
        ? [{ text: first, label: second as string }]
        : (first as readonly { text: string; label: string }[]);
    const signal = (typeof first === 'string' ? third : (second as { signal?: AbortSignal }))
      ?.signal;
    const checked = validateExamples(examples);
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
      return this.train({ ...model, labels, examples: [...byText.values()] }, signal);
    });
  }

  async forget(example: { text: string; label: string } | { label: string }): Promise<void> {
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
      const declared = new Set(this.options.labels.map((label) => label.id));
      const used = new Set(examples.map((existing) => existing.label));
      const labels = model.labels.filter(
        (label) => declared.has(label.id) || used.has(label.id) || label.descriptions.length > 0,
      );
      if (examples.length === model.examples.length && labels.length === model.labels.length) {
        return model;
      }
      return this.train({ ...model, labels, examples });
    });
  }

  predict(text: string, options?: PredictOptions): Promise<TeachablePrediction>;
  predict(texts: readonly string[], options?: PredictOptions): Promise<TeachablePrediction[]>;
  async predict(
    input: string | readonly string[],
    options: PredictOptions = {},
  ): Promise<TeachablePrediction | TeachablePrediction[]> {
    const texts = validateTexts(input, 'predict');
    const results = await this.runPrediction(
      texts,
      options.explain === true,
      undefined,
      options.signal,
    );
    return typeof input === 'string' ? (results[0] as TeachablePrediction) : results;
  }

  async explain(
    text: string,
    options: { signal?: AbortSignal; label?: string } = {},
  ): Promise<Explanation> {
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
    return toExport(this.options.id, this.runner.modelId, this.model);
  }

  async import(data: unknown): Promise<void> {
    const checked = validateTeachableExport(data, {
      modelId: this.runner.modelId,
      dimensions: this.dimensions,
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
    const model = this.model;
    const request: Extract<TaskRequest, { kind: 'teachable-predict' }> = {
      kind: 'teachable-predict',
      labels: model.labels,
      head: model.head,
      unsureBelow: model.unsureBelow,
      examples: explain ? model.examples.map(({ text, label }) => ({ text, label })) : [],
      texts,
      explain,
      ...(explainLabel === undefined ? {} : { explainLabel }),
    };
    return (await this.runner.run(request, signal)).results;
  }

  /** Trains a head for `model` in the engine; resolves with the model to commit. */
  private async train(model: TeachableModel, signal?: AbortSignal): Promise<TeachableModel> {
    this.setStatus('training');
    const result = await this.runner.run(
      {
        kind: 'teachable-train',
        labels: model.labels,
        examples: model.examples.map(({ text, label }) => ({ text, label })),
      },
      signal,
    );
    this.lastTrainingMs = result.trainingMs + result.embeddingMs;
    return { ...model, head: result.head };
  }

  /** Runs a change after the ones before it; commits and persists its result. */
  private change(update: (model: TeachableModel) => Promise<TeachableModel>): Promise<void> {
    const run = this.queue
      .catch(() => undefined)
      .then(async () => {
        try {
          const next = await update(this.model);
          if (next !== this.model) {
            this.model = next;
            await this.store?.write(
              this.options.id,
              toExport(this.options.id, this.runner.modelId, next),
            );
          }
          this.setStatus('ready');
        } catch (error) {
          // The previous state stays; an abort is not a failure of the classifier.
          this.setStatus(AbortError.isInstance(error) ? 'ready' : 'error');
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
      const stored = await this.store.read(this.options.id);
      if (stored !== undefined) {
        const data = fromExport(
          validateTeachableExport(stored, {
            modelId: this.runner.modelId,
            dimensions: this.dimensions,
          }),
        );
        // Labels declared in the options but not yet stored are added (they have no examples).
        const known = new Set(data.labels.map((label) => label.id));
        const added = this.options.labels.filter((label) => !known.has(label.id));
        this.model = {
          ...data,
          labels: [...data.labels, ...added],
          unsureBelow: this.options.unsureBelow ?? data.unsureBelow,
        };
        if (added.length > 0 && data.examples.length > 0) this.model = await this.train(this.model);
      }
      this.setStatus('ready');
    } catch {
      // Unreadable storage or stored data that fails validation: start afresh (the next change
      // overwrites it); the status tells the UI.
      this.setStatus('error');
    }
  }

  private setStatus(status: TeachableState['status']) {
    this.status = status;
    this.snapshot = undefined;
    this.notify();
  }
}

/**
 * Creates a teachable classifier (the client caches one per id).
 *
 * @throws {InvalidInputError} when `id` is empty, labels are malformed or `unsureBelow` is
 *   outside [0, 1].
 * @example
 * const intents = createTeachableClassifier(runner, { id: 'intents' }, 512, openClassifierStore)
 */
export function createTeachableClassifier(
  runner: TaskRunner,
  options: TeachableOptions,
  dimensions: number,
  openStore: () => Promise<ClassifierStore>,
): TeachableClassifier {
  if (
    typeof options !== 'object' ||
    options === null ||
    typeof options.id !== 'string' ||
    options.id.trim() === ''
  ) {
    throw new InvalidInputError({
      parameter: 'id',
      message: `teachable() needs a non-empty string id to persist the classifier under; got ${describeValue((options as { id?: unknown } | null)?.id)}.`,
    });
  }
  const { unsureBelow } = options;
  if (
    unsureBelow !== undefined &&
    (typeof unsureBelow !== 'number' || !(unsureBelow >= 0 && unsureBelow <= 1))
  ) {
    throw new InvalidInputError({
      parameter: 'unsureBelow',
      message: `unsureBelow must be a number in [0, 1]; got ${String(unsureBelow)}.`,
    });
  }
  const labels = validateLabels(options.labels ?? [], 'labels', 0);
  return new DeviceTeachableClassifier(
    runner,
    { id: options.id, labels, unsureBelow },
    dimensions,
    openStore,
  );
}
