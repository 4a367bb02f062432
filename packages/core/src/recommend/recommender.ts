import { InvalidInputError } from '@ondevice/errors';
import type { TaskRunner } from '../tasks/task-definition.js';
import { throwIfAborted } from '../util/abort.js';
import { checkOptions, optionRules } from '../util/check-options.js';
import { describeValue } from '../util/describe-value.js';
import type { Limits } from '../util/limits.js';
import type { RecordStore } from '../util/record-store.js';
import { recordWriter } from '../util/record-writer.js';
import { parseImportData } from '../util/data-checks.js';
import { Subscribable } from '../util/subscribable.js';
import { normalized } from '../util/vector-math.js';
import type { ContentVectors } from './content-model.js';
import type { EaseModel } from './ease-model.js';
import type { HybridModel } from './hybrid-model.js';
import { buildInteractionLog } from './interaction-log.js';
import { unpackTransitions } from './packed-model.js';
import { type RankedItem, rankItems } from './ranked-items.js';
import { recommendFitTask, type RecommendFitResult } from './recommend-task.js';
import type {
  FitOptions,
  FitReport,
  InteractionInput,
  Recommendation,
  RecommendOptions,
  RecommendableItem,
  Recommender,
  RecommenderAlgorithm,
  RecommenderExport,
  RecommenderSnapshot,
} from './recommend-types.js';
import { candidateBlends, candidateContentWeights } from './hybrid-model.js';
import type { ItemEmbedder, RecommenderSettings } from './recommender-settings.js';
import {
  checkInteraction,
  checkItem,
  exportFormat,
  storedFormat,
  validateRecommenderData,
} from './validate-recommender-data.js';

/** Texts embedded per request to the worker. */
const embedChunk = 256;
/** Content weight used when the validation split chose none, so items nobody has yet still rank. */
const minimumContentWeight = 0.05;

interface UserItem {
  time: number;
  order: number;
  weight: number;
  type: string;
}

interface Fitted {
  itemIds: string[];
  ease: EaseModel;
  transitions: HybridModel['transitions'];
  popularity: Float32Array;
  blend: number;
  contentWeight: number;
  raw: RecommendFitResult;
  report: FitReport;
}

/** The items a model scores: the fitted ones first, then items added since. */
interface Universe {
  ids: string[];
  index: Map<string, number>;
  model: HybridModel;
}

class LocalRecommender extends Subscribable implements Recommender {
  readonly id: string;
  private readonly algorithm: RecommenderAlgorithm;
  private items = new Map<string, RecommendableItem>();
  private vectors = new Map<string, Float32Array>();
  private interactions: Required<InteractionInput>[] = [];
  private byUser = new Map<string, Map<string, UserItem>>();
  private fitted: Fitted | null = null;
  private universe: Universe | null = null;
  /**
   * The item vectors laid out in the universe's order, kept across clicks: a tracked interaction
   * only appends to the universe (a new item id), so the same length means the same items; any
   * change to the vectors, the fitted order or the interactions' items drops it.
   */
  private contentCache: { count: number; content: ContentVectors | null } | null = null;
  private sinceFit = 0;
  private order = 0;
  private snapshot: RecommenderSnapshot = {
    status: 'loading',
    items: 0,
    users: 0,
    interactions: 0,
    fitting: null,
    lastFit: null,
    sinceFit: 0,
    error: null,
  };
  private readonly loading: Promise<void>;
  private queue: Promise<unknown> = Promise.resolve();
  /** Writes the record after a change (none without storage). */
  private readonly save: (() => Promise<void>) | null;

  constructor(
    settings: RecommenderSettings,
    readonly modelId: string,
    private readonly embedder: ItemEmbedder,
    private readonly runner: TaskRunner,
    private readonly store: (() => Promise<RecordStore>) | null,
    private readonly limits: Limits,
  ) {
    super();
    this.id = settings.id;
    this.algorithm = settings.algorithm;
    this.save = store
      ? recordWriter(store, this.id, () => this.storedRecord(), `Recommender "${this.id}"`)
      : null;
    this.loading = this.restore();
  }

  ready(): Promise<void> {
    return this.loading;
  }

  getSnapshot = (): RecommenderSnapshot => this.snapshot;

  async addItems(items: readonly RecommendableItem[], options: { signal?: AbortSignal } = {}) {
    checkOptions(options, { signal: optionRules.signal }, 'addItems()');
    const list = this.list(items, 'items', 'addItems()');
    const seen = new Set<string>();
    const checked = list.map((item, index) => {
      const clean = checkItem(item, `items[${index}]`);
      if (seen.has(clean.id)) {
        throw new InvalidInputError({
          parameter: `items[${index}].id`,
          message: `Item id "${clean.id}" appears twice in this call.`,
        });
      }
      seen.add(clean.id);
      return clean;
    });
    await this.mutate(async () => {
      await this.loading.catch(() => undefined);
      const vectors = await this.embedItems(checked, options.signal);
      for (const item of checked) {
        this.items.set(item.id, item);
        const vector = vectors.get(item.id);
        if (vector) this.vectors.set(item.id, vector);
        else this.vectors.delete(item.id);
      }
      this.universe = null;
      this.contentCache = null;
      await this.committed();
    });
  }

  async removeItems(itemIds: readonly string[]): Promise<number> {
    const ids = this.list(itemIds, 'itemIds', 'removeItems()').map((id, index) =>
      this.idOf(id, `itemIds[${index}]`),
    );
    return this.mutate(async () => {
      await this.loading.catch(() => undefined);
      const gone = new Set(ids.filter((id) => this.items.has(id)));
      for (const id of gone) {
        this.items.delete(id);
        this.vectors.delete(id);
      }
      const dropped = new Set(ids);
      this.setInteractions(this.interactions.filter((entry) => !dropped.has(entry.itemId)));
      await this.committed();
      return gone.size;
    });
  }

  async track(interactions: InteractionInput | readonly InteractionInput[]): Promise<void> {
    const many = Array.isArray(interactions);
    const list = (many ? interactions : [interactions]) as readonly InteractionInput[];
    const now = Date.now();
    const checked = list.map((entry, index) =>
      checkInteraction(entry, many ? `interactions[${index}]` : 'interaction', now),
    );
    await this.mutate(async () => {
      await this.loading.catch(() => undefined);
      for (const entry of checked) this.record(entry);
      this.sinceFit += checked.length;
      this.universe = null;
      await this.committed();
    });
  }

  async fit(options: FitOptions = {}): Promise<FitReport> {
    checkOptions(
      options,
      { signal: optionRules.signal, onProgress: optionRules.function, seed: optionRules.any },
      'fit()',
    );
    const seed = options.seed ?? 1;
    if (!Number.isInteger(seed)) {
      throw new InvalidInputError({
        parameter: 'options.seed',
        message: `seed must be an integer; got ${describeValue(seed)}.`,
      });
    }
    const { signal } = options;
    return this.mutate(async () => {
      await this.loading.catch(() => undefined);
      const positive = this.interactions.filter((entry) => entry.weight > 0);
      if (positive.length === 0) {
        throw new InvalidInputError({
          parameter: 'interactions',
          message: 'fit() needs interactions to learn from: track() some first.',
        });
      }
      const report = (progress: NonNullable<RecommenderSnapshot['fitting']>) => {
        options.onProgress?.(progress);
        this.setSnapshot({ fitting: progress });
      };
      try {
        // Items whose text has no vector yet (imported) are embedded first.
        const missing = [...this.items.values()].filter(
          (item) => textOf(item) !== '' && !this.vectors.has(item.id),
        );
        if (missing.length > 0) {
          report({ stage: 'embedding', done: 0, total: missing.length });
          const vectors = await this.embedItems(missing, signal, (done) =>
            report({ stage: 'embedding', done, total: missing.length }),
          );
          for (const [id, vector] of vectors) this.vectors.set(id, vector);
          this.contentCache = null;
        }
        throwIfAborted(signal, 'The recommender fit');
        // The same order as the log below, so the fit's user sequences match `byUser`.
        const ordered = [...positive].sort((a, b) => a.timestamp - b.timestamp);
        const log = buildInteractionLog(ordered, [...this.items.keys()]);
        const offsets = new Int32Array(log.sequences.length + 1);
        log.sequences.forEach((sequence, user) => {
          offsets[user + 1] = (offsets[user] as number) + sequence.length;
        });
        const packed = new Int32Array(offsets[log.sequences.length] as number);
        log.sequences.forEach((sequence, user) => packed.set(sequence, offsets[user]));
        const withContent = ['auto', 'ease+transitions+content'].includes(this.algorithm);
        const content = withContent ? this.contentFor(log.itemIds) : null;
        const { blends, contentWeights } = trialsOf(this.algorithm);
        report({ stage: 'fitting', done: 0, total: 1 });
        const raw = await this.runner.run(
          recommendFitTask,
          {
            items: packed,
            offsets,
            itemCount: log.itemIds.length,
            content,
            seed,
            blends,
            contentWeights,
          },
          {
            signal,
            onProgress: (progress) => {
              const { done, total } = progress as { done: number; total: number };
              report({ stage: 'fitting', done, total });
            },
          },
        );
        const fitReport: FitReport = {
          users: log.userIds.length,
          items: log.itemIds.length,
          interactions: positive.length,
          milliseconds: raw.milliseconds,
          validation: {
            users: raw.validation.users,
            byAlgorithm: raw.validation.byAlgorithm.map(({ name, figures }) => ({
              name,
              hitRate: figures.hitRate,
              ndcg: figures.ndcg,
            })),
            chosen: {
              transitionWeight: raw.validation.chosen.blend,
              contentWeight: raw.validation.chosen.contentWeight,
            },
          },
          fittedAt: new Date().toISOString(),
        };
        this.fitted = this.fittedFrom(log.itemIds, raw, fitReport);
        this.sinceFit = 0;
        this.universe = null;
        this.contentCache = null;
        this.setSnapshot({ fitting: null, lastFit: fitReport, sinceFit: 0 });
        await this.committed();
        return fitReport;
      } finally {
        if (this.snapshot.fitting) this.setSnapshot({ fitting: null });
      }
    });
  }

  async recommend(userId: string, options: RecommendOptions = {}): Promise<Recommendation[]> {
    const user = this.idOf(userId, 'userId');
    const settings = this.recommendOptions(options, 'recommend()');
    await this.loading;
    const items = this.byUser.get(user);
    const history = items ? this.historyOf(items) : [];
    const disliked = items
      ? [...items].filter(([, entry]) => entry.weight <= 0).map(([id]) => id)
      : [];
    return this.rank(history, settings, disliked, (type) => type);
  }

  async recommendForSession(
    recentItemIds: readonly string[],
    options: RecommendOptions = {},
  ): Promise<Recommendation[]> {
    const ids = this.list(recentItemIds, 'recentItemIds', 'recommendForSession()').map(
      (id, index) => this.idOf(id, `recentItemIds[${index}]`),
    );
    const settings = this.recommendOptions(options, 'recommendForSession()');
    await this.loading;
    // Distinct, each at its latest position.
    const history = ids.filter((id, index) => ids.lastIndexOf(id) === index);
    return this.rank(
      history.map((id) => ({ id, type: 'viewed' })),
      settings,
      [],
      (type) => type,
    );
  }

  async similarItems(itemId: string, options: RecommendOptions = {}): Promise<Recommendation[]> {
    const id = this.idOf(itemId, 'itemId');
    const settings = this.recommendOptions(options, 'similarItems()');
    await this.loading;
    if (!this.universeOf().index.has(id)) {
      throw new InvalidInputError({
        parameter: 'itemId',
        message: `No item "${id}": add it with addItems() or track an interaction with it.`,
      });
    }
    return this.rank([{ id, type: 'viewed' }], settings, [], () => 'often chosen with');
  }

  async forgetUser(userId: string): Promise<number> {
    const user = this.idOf(userId, 'userId');
    return this.mutate(async () => {
      await this.loading.catch(() => undefined);
      const before = this.interactions.length;
      this.setInteractions(this.interactions.filter((entry) => entry.userId !== user));
      const removed = before - this.interactions.length;
      if (removed > 0) await this.committed();
      return removed;
    });
  }

  async clear(): Promise<void> {
    await this.mutate(async () => {
      await this.loading.catch(() => undefined);
      this.items = new Map();
      this.vectors = new Map();
      this.setInteractions([]);
      this.fitted = null;
      this.sinceFit = 0;
      this.setSnapshot({ lastFit: null });
      await this.committed();
    });
  }

  async export(): Promise<RecommenderExport> {
    await this.loading;
    await this.queue.catch(() => undefined);
    return {
      format: exportFormat,
      version: 1,
      id: this.id,
      modelId: this.modelId,
      exportedAt: new Date().toISOString(),
      items: [...this.items.values()].map((item) => structuredClone(item)),
      interactions: this.interactions.map((entry) => ({ ...entry })),
    };
  }

  async import(data: unknown): Promise<void> {
    const parsed = parseImportData(data, this.limits.maxImportBytes);
    await this.loading;
    const checked = validateRecommenderData(parsed, exportFormat, this.modelId);
    await this.mutate(async () => {
      this.items = new Map(checked.items.map((item) => [item.id, item]));
      this.vectors = new Map();
      this.setInteractions(checked.interactions);
      this.fitted = null;
      this.sinceFit = checked.interactions.length;
      this.setSnapshot({ lastFit: null });
      await this.committed();
    });
  }

  // ─── internals ───────────────────────────────────────────────────────────

  private mutate<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work, work);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private list<T>(value: readonly T[], parameter: string, where: string): readonly T[] {
    if (!Array.isArray(value)) {
      throw new InvalidInputError({
        parameter,
        message: `${where} takes a list; got ${describeValue(value)}.`,
      });
    }
    return value;
  }

  private idOf(value: unknown, parameter: string): string {
    if (typeof value !== 'string' || value === '') {
      throw new InvalidInputError({
        parameter,
        message: `${parameter} must be a non-empty string; got ${describeValue(value)}.`,
      });
    }
    return value;
  }

  private recommendOptions(options: RecommendOptions, where: string) {
    checkOptions(
      options,
      { k: optionRules.any, exclude: optionRules.any, filters: optionRules.any },
      where,
    );
    const k = options.k ?? 10;
    if (!Number.isInteger(k) || k < 1 || k > 1000) {
      throw new InvalidInputError({
        parameter: 'options.k',
        message: `k must be an integer from 1 to 1000; got ${describeValue(k)}.`,
      });
    }
    const exclude = this.list(options.exclude ?? [], 'options.exclude', where).map((id, index) =>
      this.idOf(id, `options.exclude[${index}]`),
    );
    const filters = options.filters ?? {};
    checkOptions(filters, { tags: optionRules.any }, where, 'options.filters');
    const tags = this.list(filters.tags ?? [], 'options.filters.tags', where).map((tag, index) =>
      this.idOf(tag, `options.filters.tags[${index}]`),
    );
    return { k, exclude: new Set(exclude), tags };
  }

  private record(entry: Required<InteractionInput>) {
    this.interactions.push(entry);
    let items = this.byUser.get(entry.userId);
    if (!items) this.byUser.set(entry.userId, (items = new Map()));
    const previous = items.get(entry.itemId);
    this.order += 1;
    if (!previous || entry.timestamp >= previous.time) {
      items.set(entry.itemId, {
        time: entry.timestamp,
        order: this.order,
        weight: entry.weight,
        type: entry.type,
      });
    }
  }

  private setInteractions(list: Required<InteractionInput>[]) {
    this.interactions = [];
    this.byUser = new Map();
    for (const entry of list) this.record(entry);
    this.universe = null;
    this.contentCache = null;
  }

  /** A user's liked items, oldest first, with the type of their latest interaction. */
  private historyOf(items: Map<string, UserItem>) {
    return [...items]
      .filter(([, entry]) => entry.weight > 0)
      .sort(([, a], [, b]) => a.time - b.time || a.order - b.order)
      .map(([id, entry]) => ({ id, type: entry.type }));
  }

  private async embedItems(
    items: readonly RecommendableItem[],
    signal: AbortSignal | undefined,
    onProgress?: (done: number) => void,
  ): Promise<Map<string, Float32Array>> {
    const withText = items.filter((item) => textOf(item) !== '');
    const vectors = new Map<string, Float32Array>();
    const step = Math.min(embedChunk, this.limits.maxTextsPerCall);
    for (let start = 0; start < withText.length; start += step) {
      throwIfAborted(signal, 'Adding items');
      const chunk = withText.slice(start, start + step);
      const { embeddings } = await this.embedder.embed(chunk.map(textOf), signal ? { signal } : {});
      chunk.forEach((item, index) =>
        vectors.set(item.id, normalized(embeddings[index] as Float32Array)),
      );
      onProgress?.(vectors.size);
    }
    throwIfAborted(signal, 'Adding items');
    return vectors;
  }

  private contentFor(ids: readonly string[]): ContentVectors | null {
    const first = this.vectors.values().next().value as Float32Array | undefined;
    if (!first) return null;
    const dimensions = first.length;
    const vectors = new Float32Array(ids.length * dimensions);
    ids.forEach((id, index) => {
      const vector = this.vectors.get(id);
      if (vector) vectors.set(vector, index * dimensions);
    });
    return { dimensions, vectors };
  }

  private fittedFrom(itemIds: string[], raw: RecommendFitResult, report: FitReport): Fitted {
    return {
      itemIds,
      ease: { itemCount: raw.itemCount, weights: raw.easeWeights },
      transitions: unpackTransitions(raw.transitions, raw.itemCount),
      popularity: raw.popularity,
      blend: raw.blend,
      contentWeight: raw.contentWeight,
      raw,
      report,
    };
  }

  private universeOf(): Universe {
    if (this.universe) return this.universe;
    const ids = [...(this.fitted?.itemIds ?? [])];
    const index = new Map(ids.map((id, position) => [id, position]));
    const add = (id: string) => {
      if (!index.has(id)) {
        index.set(id, ids.length);
        ids.push(id);
      }
    };
    for (const id of this.items.keys()) add(id);
    for (const entry of this.interactions) add(entry.itemId);
    // Popularity now: distinct people who liked each item (what happened since the fit counts).
    const popularity = new Float32Array(ids.length);
    for (const items of this.byUser.values()) {
      for (const [id, entry] of items) {
        if (entry.weight > 0) {
          const at = index.get(id) as number;
          popularity[at] = (popularity[at] as number) + 1;
        }
      }
    }
    const fixed = this.algorithm !== 'auto';
    if (this.contentCache?.count !== ids.length) {
      const content =
        this.algorithm === 'auto' || this.algorithm === 'ease+transitions+content'
          ? this.contentFor(ids)
          : null;
      this.contentCache = { count: ids.length, content };
    }
    const content = this.contentCache.content;
    const fitted = this.fitted;
    const model: HybridModel = {
      ease: fitted?.ease ?? { itemCount: 0, weights: new Float32Array(0) },
      transitions: fitted?.transitions ?? { itemCount: 0, next: [] },
      popularity,
      blend: fitted?.blend ?? 0,
      content,
      // Unfitted, text is all there is; fitted, `auto` keeps a little of it so new items rank.
      contentWeight: !content
        ? 0
        : !fitted
          ? 1
          : fixed
            ? fitted.contentWeight
            : Math.max(fitted.contentWeight, minimumContentWeight),
    };
    this.universe = { ids, index, model };
    return this.universe;
  }

  private rank(
    history: { id: string; type: string }[],
    settings: { k: number; exclude: Set<string>; tags: string[] },
    disliked: string[],
    verb: (type: string) => string,
  ): Recommendation[] {
    const universe = this.universeOf();
    // Popularity ignores the history (it still leaves the person's own items out).
    const known =
      this.algorithm === 'popularity'
        ? []
        : history.filter((entry) => universe.index.has(entry.id));
    const indices = Int32Array.from(known, (entry) => universe.index.get(entry.id) as number);
    const exclude = new Set<number>();
    for (const id of [...settings.exclude, ...disliked, ...history.map((entry) => entry.id)]) {
      const at = universe.index.get(id);
      if (at !== undefined) exclude.add(at);
    }
    const tags = new Set(settings.tags);
    const allow =
      tags.size === 0
        ? undefined
        : (item: number) =>
            (this.items.get(universe.ids[item] as string)?.tags ?? []).some((tag) => tags.has(tag));
    let ranked = rankItems(universe.model, indices, { k: settings.k, exclude, allow });
    if (indices.length > 0) {
      // Nothing scored above zero (no fit and no text): popular items answer instead.
      const personal = ranked.filter((entry) => entry.score > 0);
      if (personal.length < ranked.length) {
        const taken = new Set([...exclude, ...personal.map((entry) => entry.item)]);
        const popular = rankItems(universe.model, new Int32Array(0), {
          k: settings.k - personal.length,
          exclude: taken,
          ...(allow ? { allow } : {}),
        }).filter((entry) => entry.score > 0);
        ranked = [...personal, ...popular];
      }
    } else {
      ranked = ranked.filter((entry) => entry.score > 0);
    }
    const typeOf = new Map(known.map((entry) => [entry.id, entry.type]));
    return ranked.map((entry) => this.recommendation(entry, universe, typeOf, settings.tags, verb));
  }

  private recommendation(
    entry: RankedItem,
    universe: Universe,
    typeOf: Map<string, string>,
    tags: string[],
    verb: (type: string) => string,
  ): Recommendation {
    const itemId = universe.ids[entry.item] as string;
    const item = this.items.get(itemId);
    const { reason } = entry;
    let explained: Recommendation['reason'];
    if (reason.kind === 'popular') {
      const tag = tags.find((candidate) => item?.tags?.includes(candidate));
      explained = tag
        ? { kind: 'popular', tag, text: `Popular in ${tag}` }
        : { kind: 'popular', text: 'Popular right now' };
    } else {
      const source = universe.ids[reason.because] as string;
      const name = `"${this.titleOf(source)}"`;
      if (reason.kind === 'similar-text') {
        explained = { kind: 'similar', itemId: source, text: `Similar to ${name}` };
      } else {
        const interaction = typeOf.get(source) ?? 'viewed';
        const said = verb(interaction);
        explained = {
          kind: 'because',
          itemId: source,
          interaction,
          text:
            said === interaction
              ? `Because you ${interaction} ${name}`
              : `${capitalised(said)} ${name}`,
        };
      }
    }
    return { itemId, ...(item ? { item } : {}), score: entry.score, reason: explained };
  }

  private titleOf(id: string): string {
    const item = this.items.get(id);
    const title = item?.title ?? item?.text ?? id;
    return title.length > 60 ? `${title.slice(0, 57)}…` : title;
  }

  private async restore(): Promise<void> {
    try {
      if (this.store) {
        const stored = await (await this.store()).get(this.id);
        if (stored !== undefined) {
          const checked = validateRecommenderData(stored, storedFormat, this.modelId);
          this.items = new Map(checked.items.map((item) => [item.id, item]));
          this.vectors = checked.vectors;
          this.setInteractions(checked.interactions);
          this.sinceFit = checked.sinceFit;
          if (checked.fitted) {
            this.fitted = this.fittedFrom(
              checked.fitted.itemIds,
              checked.fitted.raw,
              checked.fitted.report,
            );
          }
        }
      }
      this.setSnapshot({ status: 'ready', lastFit: this.fitted?.report ?? null });
    } catch (error) {
      this.setSnapshot({ status: 'error', error: error as Error });
      throw error;
    }
  }

  private async committed(): Promise<void> {
    this.setSnapshot({});
    await this.save?.();
  }

  /** The record kept in storage: items, vectors, interactions and the fitted model. */
  private storedRecord() {
    const ids = [...this.vectors.keys()];
    const content = this.contentFor(ids);
    return {
      format: storedFormat,
      version: 1,
      id: this.id,
      modelId: this.modelId,
      items: [...this.items.values()],
      interactions: this.interactions,
      sinceFit: this.sinceFit,
      vectors: { ids, dimensions: content?.dimensions ?? 0, data: content?.vectors ?? null },
      fitted: this.fitted
        ? { itemIds: this.fitted.itemIds, raw: this.fitted.raw, report: this.fitted.report }
        : null,
    };
  }

  private setSnapshot(change: Partial<RecommenderSnapshot>) {
    this.snapshot = {
      ...this.snapshot,
      items: this.items.size,
      users: this.byUser.size,
      interactions: this.interactions.length,
      sinceFit: this.sinceFit,
      ...change,
    };
    this.notify();
  }
}

/** The weightings an algorithm tries on the validation split. */
function trialsOf(algorithm: RecommenderAlgorithm): { blends: number[]; contentWeights: number[] } {
  switch (algorithm) {
    case 'popularity':
    case 'ease':
      return { blends: [0], contentWeights: [0] };
    case 'ease+transitions':
      return { blends: [...candidateBlends], contentWeights: [0] };
    default:
      return { blends: [...candidateBlends], contentWeights: [...candidateContentWeights] };
  }
}

/** The text embedded for an item: its title and text. */
function textOf(item: RecommendableItem): string {
  return [item.title, item.text].filter((part) => part !== undefined && part !== '').join('. ');
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Creates a recommender (see `client.recommender()`).
 *
 * @example
 * const recommender = createRecommender(settings, 'use-lite', client.embedder(), runner, null, limits)
 */
export function createRecommender(
  settings: RecommenderSettings,
  modelId: string,
  embedder: ItemEmbedder,
  runner: TaskRunner,
  store: (() => Promise<RecordStore>) | null,
  limits: Limits,
): Recommender {
  return new LocalRecommender(settings, modelId, embedder, runner, store, limits);
}
