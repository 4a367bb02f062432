import { describe, expect, it } from 'vitest';

describe('@ondevice/core entry', () => {
  it('imports in plain Node, with no DOM, and loads no ML runtime at import time', async () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined');
    const core = await import('./index.js');
    expect(typeof core.createClient).toBe('function');
    expect(core.listModelIds()).toContain('use-lite');
  });
});
