import { describe, expect, it } from 'vitest';
import {
  AbortError,
  ClassifierStorageError,
  InvalidClassifierDataError,
  InvalidImportError,
  LimitExceededError,
  ModelIntegrityError,
  ModelLoadError,
  OnDeviceError,
  UnknownBackendError,
  InvalidInputError,
  WorkerCrashedError,
  OutOfMemoryError,
  PiiBlockedError,
  deserializeError,
  registerErrorClass,
  serializeError,
} from './index.js';

describe('typed errors', () => {
  it('carry a code and are recognised by marker, not by instanceof', () => {
    const error = new ModelLoadError({ url: '/x', status: 404, message: 'nope' });
    expect(error.code).toBe('model-load');
    expect(ModelLoadError.isInstance(error)).toBe(true);
    expect(OnDeviceError.isInstance(error)).toBe(true);
    expect(ModelIntegrityError.isInstance(error)).toBe(false);
    // A structurally cloned copy (another realm, another package copy) has no prototype link.
    const foreign = Object.assign(Object.create(null), { [Symbol.for('ondevice.error')]: true });
    expect(OnDeviceError.isInstance(foreign)).toBe(true);
    expect(OnDeviceError.isInstance(new Error('plain'))).toBe(false);
    expect(OnDeviceError.isInstance(null)).toBe(false);
  });

  it('survive serialisation as their own classes, with fields and cause', () => {
    const original = new ModelIntegrityError({
      url: '/ondevice/models/use-lite/group1-shard1of7',
      expectedSha256: 'a'.repeat(64),
      actualSha256: 'b'.repeat(64),
      message: 'mismatch',
      cause: new AbortError({ message: 'inner' }),
    });
    const rebuilt = deserializeError(structuredClone(serializeError(original)));
    expect(ModelIntegrityError.isInstance(rebuilt)).toBe(true);
    expect(rebuilt).toMatchObject({
      url: original.url,
      expectedSha256: original.expectedSha256,
      message: 'mismatch',
    });
    expect(AbortError.isInstance(rebuilt.cause)).toBe(true);
  });

  it('wrap foreign errors as runtime errors keeping the original message', () => {
    const rebuilt = deserializeError(serializeError(new RangeError('out of memory')));
    expect(rebuilt.code).toBe('runtime');
    expect(rebuilt.message).toBe('out of memory');
    expect((rebuilt.cause as Error).name).toBe('RangeError');
  });

  it('round-trip every subclass', () => {
    const samples = [
      new UnknownBackendError({ backend: 'tpu', validBackends: ['auto', 'wasm'], message: 'm' }),
      new WorkerCrashedError({ message: 'died' }),
      new OutOfMemoryError({ message: 'no room' }),
      new AbortError({ message: 'stop' }),
      new InvalidClassifierDataError({ message: 'bad', path: 'examples[0].label' }),
      new InvalidImportError({ message: 'bad', path: 'documents[1].id', what: 'search-index' }),
      new LimitExceededError({ message: 'm', limit: 'maxTextsPerCall', maximum: 10, actual: 11 }),
      new ClassifierStorageError({
        message: 'm',
        classifierId: 'intents',
        reason: 'newer-version',
        cause: new InvalidClassifierDataError({ message: 'v3', path: 'version' }),
      }),
      new ModelLoadError({ message: 'm', url: '/x', status: undefined, reason: 'stalled' }),
      new PiiBlockedError({
        message: 'm',
        types: ['CREDIT_CARD', 'US_SSN'],
        counts: { CREDIT_CARD: 2, US_SSN: 1 },
      }),
    ];
    for (const sample of samples) {
      const rebuilt = deserializeError(serializeError(sample));
      expect(rebuilt.code).toBe(sample.code);
      expect(rebuilt.name).toBe(sample.name);
      expect(rebuilt).toMatchObject(sample);
    }
  });
});

describe('PiiBlockedError', () => {
  it('carries the blocked types and counts, as plain data through JSON', () => {
    const error = new PiiBlockedError({
      message: 'The text has 1 EMAIL, which the policy blocks.',
      types: ['EMAIL'],
      counts: { EMAIL: 1 },
    });
    expect(error.code).toBe('pii-blocked');
    expect(PiiBlockedError.isInstance(error)).toBe(true);
    expect(InvalidInputError.isInstance(error)).toBe(false);
    const wire = JSON.parse(JSON.stringify(serializeError(error))) as ReturnType<
      typeof serializeError
    >;
    expect(wire.data).toEqual({ types: ['EMAIL'], counts: { EMAIL: 1 } });
    const rebuilt = deserializeError(wire);
    expect(PiiBlockedError.isInstance(rebuilt)).toBe(true);
    expect(rebuilt).toMatchObject({ types: ['EMAIL'], counts: { EMAIL: 1 } });
  });
});

describe('extensible codes', () => {
  it('keep an unregistered code, its name and fields through serialisation', () => {
    const original = new OnDeviceError({
      code: 'budget-exceeded',
      name: 'BudgetExceededError',
      message: 'Tenant acme spent its monthly budget.',
      data: { tenant: 'acme' },
    });
    const rebuilt = deserializeError(JSON.parse(JSON.stringify(serializeError(original))));
    expect(OnDeviceError.isInstance(rebuilt)).toBe(true);
    expect(rebuilt.code).toBe('budget-exceeded');
    expect(rebuilt.name).toBe('BudgetExceededError');
    expect(rebuilt.toSerialized().data).toEqual({ tenant: 'acme' });
  });

  it('rebuild a registered code as its own class', () => {
    registerErrorClass(
      'quota-test',
      ({ message, data }) =>
        new InvalidInputError({ message, parameter: String(data.parameter ?? 'quota') }),
    );
    const rebuilt = deserializeError({ name: 'X', code: 'quota-test', message: 'm', data: {} });
    expect(InvalidInputError.isInstance(rebuilt)).toBe(true);
  });
});
