import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../util/seeded-random.js';
import { keywordIndexOptions, searchWordByWord } from './keyword-search.js';

const vocabulary = (
  'invoice invoices refund refunds payment payments customer customers report reports export ' +
  'exports password login single sign team member members billing plan plans seat seats card ' +
  'cards tax taxes webhook webhooks integration integrations reminder reminders template ' +
  'templates currency currencies discount discounts schedule scheduled archive archived ' +
  'the a to how of in for with my your is on and'
).split(' ');

describe('searchWordByWord', () => {
  it('gives MiniSearch’s own results and scores, one word at a time', async () => {
    const random = seededRandom(11);
    const pick = () => vocabulary[Math.floor(random() * vocabulary.length)] as string;
    const words = (n: number) => Array.from({ length: n }, pick).join(' ');
    const miniSearch = new MiniSearch<Record<string, string>>(
      keywordIndexOptions('id', { title: 3, body: 1 }),
    );
    miniSearch.addAll(
      Array.from({ length: 2000 }, (_, index) => ({
        id: `d${index}`,
        title: words(1 + Math.floor(random() * 5)),
        body: words(5 + Math.floor(random() * 30)),
      })),
    );
    const typo = (word: string) =>
      word.length > 5 ? `${word.slice(0, 2)}x${word.slice(3)}` : word;
    for (let query = 0; query < 300; query += 1) {
      const count = 1 + Math.floor(random() * 5);
      let text = words(count);
      if (query % 3 === 0) text = `${text} ${pick().slice(0, 3)}`; // a half-typed last word
      if (query % 5 === 0)
        text = typo(text.split(' ')[0] as string) + text.slice(text.indexOf(' '));
      if (query % 7 === 0) text = `${text} ${text.split(' ')[0]}`; // a word twice
      const expected = miniSearch.search(text);
      const actual = await searchWordByWord(miniSearch, text);
      const byScoreThenId = (list: { id: unknown; score: number }[]) =>
        list
          .map((r) => [String(r.id), Number(r.score.toFixed(9))] as const)
          .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      expect(byScoreThenId(actual), text).toEqual(byScoreThenId(expected));
      const first = expected[0];
      if (first) {
        const same = actual.find((r) => r.id === first.id);
        expect([...(same?.terms ?? [])].sort(), text).toEqual([...first.terms].sort());
      }
    }
  });
});
