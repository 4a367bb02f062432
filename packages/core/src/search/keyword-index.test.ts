import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { keyField, matchTerms, ThreadKeywordIndex } from './keyword-index.js';
import { keywordIndexOptions, searchWordByWord } from './keyword-search.js';

const fields = { title: 2, body: 1 };
const documents = [
  { [keyField]: 'refunds', title: 'Refund a payment', body: 'Give a customer their money back.' },
  { [keyField]: 'invoices', title: 'Download invoices', body: 'Every invoice exports as a PDF.' },
  { [keyField]: 'sso', title: 'Single sign-on', body: 'Sign in with your identity provider.' },
  { [keyField]: 'two-factor', title: 'Two-factor authentication', body: 'Authenticator codes.' },
];

/** Each match as [id, score, terms]: what a search reads of them. */
async function matchesOf(index: ThreadKeywordIndex, query: string) {
  const matches = await index.search(query);
  return matches.ids.map((id, position) => [
    id,
    matches.scores[position],
    matchTerms(matches, position),
  ]);
}

describe('ThreadKeywordIndex', () => {
  it('gives every match of searchWordByWord, best first, ids, scores and terms', async () => {
    const index = new ThreadKeywordIndex(fields);
    await index.replace([], documents);
    const miniSearch = new MiniSearch<Record<string, string>>(
      keywordIndexOptions(keyField, fields),
    );
    miniSearch.addAll(documents);
    for (const query of ['invoice payment', 'sign', 'authentcation codes', 'pay', 'nothing here']) {
      const expected = (await searchWordByWord(miniSearch, query)).map((result) => [
        result.id,
        result.score,
        result.terms,
      ]);
      expect(await matchesOf(index, query)).toEqual(expected);
    }
    expect(await matchesOf(index, 'nothing here')).toEqual([]);
  });

  it('removes, then adds, in one call; a key it does not hold is no error', async () => {
    const index = new ThreadKeywordIndex(fields);
    await index.replace([], documents);
    await index.replace(
      ['sso', 'never-added'],
      [{ [keyField]: 'sso', title: 'SAML login', body: 'Connect Okta or Azure AD.' }],
    );
    expect(index.documentCount).toBe(4);
    expect((await matchesOf(index, 'single')).map(([id]) => id)).toEqual([]);
    expect((await matchesOf(index, 'saml')).map(([id]) => id)).toEqual(['sso']);
    await index.clear();
    expect(index.documentCount).toBe(0);
  });

  it('loads a stored index that matches the documents, and rebuilds one that does not', async () => {
    const source = new ThreadKeywordIndex(fields);
    await source.replace([], documents);
    const stored = JSON.parse(JSON.stringify(source.storable())) as unknown;

    const loaded = new ThreadKeywordIndex(fields);
    await loaded.replaceAll(documents, stored);
    expect(await matchesOf(loaded, 'invoice')).toEqual(await matchesOf(source, 'invoice'));

    // Stored for other documents (one more here): rebuilt from the documents given.
    const extra = { [keyField]: 'tax', title: 'Tax invoices', body: 'VAT numbers on invoices.' };
    const stale = new ThreadKeywordIndex(fields);
    await stale.replaceAll([...documents, extra], stored);
    expect((await matchesOf(stale, 'vat')).map(([id]) => id)).toEqual(['tax']);

    // Not a MiniSearch index at all: rebuilt.
    const broken = new ThreadKeywordIndex(fields);
    await broken.replaceAll(documents, { not: 'an index' });
    expect(await matchesOf(broken, 'invoice')).toEqual(await matchesOf(source, 'invoice'));
  });

  it('suggests completions and corrections of the last word, leaving out earlier words', async () => {
    const index = new ThreadKeywordIndex(fields);
    await index.replace([], documents);
    const completions = await index.suggest({ prefix: 'inv', last: 'inv', earlier: [], k: 5 });
    expect([...completions].sort()).toEqual(['invoice', 'invoices']);
    const corrected = await index.suggest({
      prefix: 'download invoises',
      last: 'invoises',
      earlier: ['download'],
      k: 5,
    });
    expect(corrected).toContain('invoices');
    expect(corrected).not.toContain('download');
    expect(await index.suggest({ prefix: 'inv', last: 'inv', earlier: [], k: 1 })).toHaveLength(1);
  });
});
