import { ModelIntegrityError, ModelLoadError, RuntimeError } from '@ondevice/core';
import { describe, expect, it } from 'vitest';
import { describeModelStatus } from './describe-model-status.js';

describe('describeModelStatus', () => {
  it('gives percent and megabytes while downloading', () => {
    expect(
      describeModelStatus({ status: 'downloading', loaded: 12_300_000, total: 26_500_000 }),
    ).toEqual({
      state: 'downloading',
      percent: 46,
      text: '12.3 of 26.5 MB downloaded',
      announcement: '',
    });
    expect(describeModelStatus({ status: 'downloading', loaded: 0, total: 0 }).percent).toBe(0);
  });

  it('is indeterminate while initializing and complete when ready', () => {
    expect(describeModelStatus({ status: 'initializing' }).percent).toBeUndefined();
    expect(describeModelStatus({ status: 'ready', backend: 'webgl' })).toEqual({
      state: 'ready',
      percent: 100,
      text: 'Ready on webgl',
      announcement: 'Model ready',
    });
  });

  it('tells a network failure (no HTTP status) from other failures', () => {
    const offline = new ModelLoadError({ url: 'http://x/m', status: undefined, message: 'down' });
    const notFound = new ModelLoadError({ url: 'http://x/m', status: 404, message: 'HTTP 404' });
    const corrupt = new ModelIntegrityError({
      url: 'http://x/m',
      expectedSha256: 'a',
      actualSha256: 'b',
      message: 'corrupt',
    });
    expect(describeModelStatus({ status: 'error', error: offline }).state).toBe('offline');
    expect(describeModelStatus({ status: 'error', error: notFound })).toMatchObject({
      state: 'error',
      text: 'Failed to load: HTTP 404',
    });
    expect(describeModelStatus({ status: 'error', error: corrupt }).state).toBe('error');
    const runtime = new RuntimeError({ message: 'boom' });
    expect(describeModelStatus({ status: 'error', error: runtime }).state).toBe('error');
  });
});
