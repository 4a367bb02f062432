// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { catalogCategories, catalogItems, catalogTags, demoSessions } from './catalog-items.js';

describe('the Ledgerly catalogue', () => {
  it('has at least 280 items with unique kebab-case ids', () => {
    expect(catalogItems.length).toBeGreaterThanOrEqual(280);
    const ids = catalogItems.map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('gives every item a known category and 1–4 known tags', () => {
    for (const item of catalogItems) {
      expect(catalogCategories, item.id).toContain(item.category);
      expect(item.tags.length, item.id).toBeGreaterThanOrEqual(1);
      expect(item.tags.length, item.id).toBeLessThanOrEqual(4);
      expect(new Set(item.tags).size, item.id).toBe(item.tags.length);
      for (const tag of item.tags) expect(catalogTags, item.id).toContain(tag);
      expect(item.title.trim(), item.id).not.toBe('');
      expect(item.body.trim(), item.id).not.toBe('');
    }
  });
});

describe('demoSessions', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(demoSessions()).toEqual(demoSessions(1));
    expect(demoSessions(7)).toEqual(demoSessions(7));
    expect(demoSessions(7)).not.toEqual(demoSessions(1));
  });

  it('only references existing items, 4–12 distinct items per visitor in time order', () => {
    const ids = new Set(catalogItems.map((item) => item.id));
    const sessions = demoSessions();
    const byUser = new Map<string, typeof sessions>();
    for (const event of sessions) {
      expect(ids.has(event.itemId), event.itemId).toBe(true);
      byUser.set(event.userId, [...(byUser.get(event.userId) ?? []), event]);
    }
    expect(byUser.size).toBe(150);
    for (const events of byUser.values()) {
      expect(events.length).toBeGreaterThanOrEqual(4);
      expect(events.length).toBeLessThanOrEqual(12);
      expect(new Set(events.map((event) => event.itemId)).size).toBe(events.length);
      for (let index = 1; index < events.length; index += 1) {
        expect(events[index]!.timestamp).toBeGreaterThan(events[index - 1]!.timestamp);
      }
    }
  });
});
