import { InvalidInputError } from '@ondevice/errors';
import { dataChecks } from '../util/data-checks.js';
import { describeValue } from '../util/describe-value.js';
import type { RecommendFitResult } from './recommend-task.js';
import type { FitReport, InteractionInput, RecommendableItem } from './recommend-types.js';

/** The format of `export()`. */
export const exportFormat = 'ondevice.recommender';
/** The format kept in IndexedDB: with item vectors and the fitted model. */
export const storedFormat = 'ondevice.recommender.stored';

const itemFields = ['id', 'title', 'text', 'tags'];
const interactionFields = ['userId', 'itemId', 'weight', 'type', 'timestamp'];

function invalid(parameter: string, message: string): never {
  throw new InvalidInputError({ parameter, message });
}

function text(value: unknown, path: string, name: string, required: boolean): string | undefined {
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string' || (required && value === '')) {
    invalid(
      path,
      `${name} must be a${required ? ' non-empty' : ''} string; got ${describeValue(value)}.`,
    );
  }
  return value as string;
}

/**
 * Checks one item and returns a clean copy.
 *
 * @throws {InvalidInputError} naming the field (`items[2].tags[0]`).
 * @example
 * checkItem({ id: 'tpl-1', title: 'Invoice', tags: ['billing'] }, 'items[0]')
 */
export function checkItem(value: unknown, path: string): RecommendableItem {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    invalid(
      path,
      `An item must be an object ({ id, title?, text?, tags? }); got ${describeValue(value)}.`,
    );
  }
  const item = value as Record<string, unknown>;
  for (const key of Object.keys(item)) {
    if (!itemFields.includes(key))
      invalid(
        `${path}.${key}`,
        `An item has no field "${key}"; its fields: ${itemFields.join(', ')}.`,
      );
  }
  const clean: RecommendableItem = { id: text(item.id, `${path}.id`, 'id', true) as string };
  const title = text(item.title, `${path}.title`, 'title', false);
  if (title !== undefined) clean.title = title;
  const body = text(item.text, `${path}.text`, 'text', false);
  if (body !== undefined) clean.text = body;
  if (item.tags !== undefined) {
    if (!Array.isArray(item.tags))
      invalid(`${path}.tags`, `tags must be a list of strings; got ${describeValue(item.tags)}.`);
    clean.tags = (item.tags as unknown[]).map(
      (tag, index) => text(tag, `${path}.tags[${index}]`, 'a tag', true) as string,
    );
  }
  return clean;
}

/**
 * Checks one interaction and returns it complete (weight 1, type `viewed`, timestamp `now`
 * where left out).
 *
 * @throws {InvalidInputError} naming the field (`interactions[4].userId`).
 * @example
 * checkInteraction({ userId: 'u1', itemId: 'tpl-1' }, 'interaction', Date.now())
 */
export function checkInteraction(
  value: unknown,
  path: string,
  now: number,
): Required<InteractionInput> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    invalid(
      path,
      `An interaction must be an object ({ userId, itemId, weight?, type?, timestamp? }); got ${describeValue(value)}.`,
    );
  }
  const entry = value as Record<string, unknown>;
  for (const key of Object.keys(entry)) {
    if (!interactionFields.includes(key))
      invalid(
        `${path}.${key}`,
        `An interaction has no field "${key}"; its fields: ${interactionFields.join(', ')}.`,
      );
  }
  const number = (field: string, fallback: number) => {
    const given = entry[field];
    if (given === undefined) return fallback;
    if (typeof given !== 'number' || !Number.isFinite(given))
      invalid(`${path}.${field}`, `${field} must be a finite number; got ${describeValue(given)}.`);
    return given as number;
  };
  return {
    userId: text(entry.userId, `${path}.userId`, 'userId', true) as string,
    itemId: text(entry.itemId, `${path}.itemId`, 'itemId', true) as string,
    weight: number('weight', 1),
    type:
      entry.type === undefined
        ? 'viewed'
        : (text(entry.type, `${path}.type`, 'type', true) as string),
    timestamp: number('timestamp', now),
  };
}

/**
 * Recommender data that passed every check.
 *
 * @example
 * const { items, interactions } = validateRecommenderData(json, exportFormat, 'use-lite')
 */
export interface CheckedRecommenderData {
  items: RecommendableItem[];
  interactions: Required<InteractionInput>[];
  vectors: Map<string, Float32Array>;
  sinceFit: number;
  fitted: { itemIds: string[]; raw: RecommendFitResult; report: FitReport } | null;
}

const check = dataChecks('recommender');

/** An input check's error, as an import error at the same path. */
function asImport<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (!InvalidInputError.isInstance(error)) throw error;
    return check.fail(error.parameter, error.message);
  }
}

/**
 * Checks exported or stored recommender data, all of it, before anything is applied. Stored
 * vectors and a fitted model of another embedding model are dropped (the next fit rebuilds them).
 *
 * @throws {InvalidImportError} naming the first bad field (`interactions[3].weight`).
 * @example
 * const checked = validateRecommenderData(JSON.parse(json), exportFormat, 'use-lite')
 */
export function validateRecommenderData(
  data: unknown,
  format: typeof exportFormat | typeof storedFormat,
  modelId: string,
): CheckedRecommenderData {
  const root = check.record(data, '$');
  check.header(root, format, 1);
  const known = ['format', 'version', 'id', 'modelId', 'items', 'interactions'];
  check.onlyKnown(
    root,
    '$',
    format === exportFormat
      ? [...known, 'exportedAt']
      : [...known, 'sinceFit', 'vectors', 'fitted'],
  );
  check.string(root.id, 'id');
  const sameModel = check.string(root.modelId, 'modelId') === modelId;
  const ids = new Set<string>();
  const items = check.array(root.items, 'items').map((item, index) => {
    const clean = asImport(() => checkItem(item, `items[${index}]`));
    if (ids.has(clean.id)) check.fail(`items[${index}].id`, `item id "${clean.id}" appears twice.`);
    ids.add(clean.id);
    return clean;
  });
  const interactions = check.array(root.interactions, 'interactions').map((entry, index) => {
    const path = `interactions[${index}]`;
    const clean = asImport(() => checkInteraction(entry, path, 0));
    for (const field of ['weight', 'type', 'timestamp'] as const) {
      if ((entry as Record<string, unknown>)[field] === undefined)
        check.fail(`${path}.${field}`, 'missing (an export has every field).');
    }
    return clean;
  });
  const result: CheckedRecommenderData = {
    items,
    interactions,
    vectors: new Map(),
    sinceFit: interactions.length,
    fitted: null,
  };
  if (format === exportFormat) return result;

  result.sinceFit = check.integer(root.sinceFit, 'sinceFit', 0);
  const vectors = check.record(root.vectors, 'vectors');
  const vectorIds = check
    .array(vectors.ids, 'vectors.ids')
    .map((id, index) => check.string(id, `vectors.ids[${index}]`));
  const dimensions = check.integer(vectors.dimensions, 'vectors.dimensions', 0, 65_536);
  if (vectorIds.length > 0) {
    if (
      !(vectors.data instanceof Float32Array) ||
      vectors.data.length !== vectorIds.length * dimensions
    ) {
      check.fail(
        'vectors.data',
        `expected a Float32Array of ${vectorIds.length} × ${dimensions} numbers.`,
      );
    }
    if (sameModel) {
      vectorIds.forEach((id, index) =>
        result.vectors.set(
          id,
          (vectors.data as Float32Array).slice(index * dimensions, (index + 1) * dimensions),
        ),
      );
    }
  }
  if (root.fitted !== null && sameModel) {
    const fitted = check.record(root.fitted, 'fitted');
    const itemIds = check
      .array(fitted.itemIds, 'fitted.itemIds')
      .map((id, index) => check.string(id, `fitted.itemIds[${index}]`));
    const raw = check.record(fitted.raw, 'fitted.raw') as unknown as RecommendFitResult;
    const n = itemIds.length;
    if (raw.itemCount !== n)
      check.fail('fitted.raw.itemCount', `expected ${n}; got ${describeValue(raw.itemCount)}.`);
    if (!(raw.easeWeights instanceof Float32Array) || raw.easeWeights.length !== n * n)
      check.fail('fitted.raw.easeWeights', `expected a Float32Array of ${n}² numbers.`);
    if (!(raw.popularity instanceof Float32Array) || raw.popularity.length !== n)
      check.fail('fitted.raw.popularity', `expected a Float32Array of ${n} numbers.`);
    const transitions = check.record(raw.transitions, 'fitted.raw.transitions');
    if (!(transitions.offsets instanceof Int32Array) || transitions.offsets.length !== n + 1)
      check.fail('fitted.raw.transitions.offsets', `expected an Int32Array of ${n + 1} numbers.`);
    if (
      !(transitions.targets instanceof Int32Array) ||
      !(transitions.shares instanceof Float32Array) ||
      transitions.targets.length !== transitions.shares.length
    ) {
      check.fail(
        'fitted.raw.transitions',
        'expected targets (Int32Array) and shares (Float32Array) of one length.',
      );
    }
    check.finite(raw.blend, 'fitted.raw.blend');
    check.finite(raw.contentWeight, 'fitted.raw.contentWeight');
    const report = check.record(fitted.report, 'fitted.report') as unknown as FitReport;
    result.fitted = { itemIds, raw, report };
  }
  return result;
}
