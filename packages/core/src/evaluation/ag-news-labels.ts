import type { ZeroShotLabel } from '../tasks/zero-shot/zero-shot-types.js';

/**
 * The four AG News classes (World, Sports, Business, Sci/Tech) described once, in plain words,
 * for zero-shot evaluation. Written from what the classes are about, without looking at the
 * evaluation rows, and not changed after measuring; ids are the class names of `classes.txt`.
 *
 * @example
 * const news = client.zeroShot({ labels: agNewsLabels })
 * const { selected } = await news.classify('Stocks fell as oil prices rose')
 */
export const agNewsLabels: readonly ZeroShotLabel[] = Object.freeze([
  {
    id: 'World',
    descriptions: [
      'world news: international politics and diplomacy',
      'a president, prime minister or government abroad, and elections',
      'war, military conflict, attacks and peace talks',
      'the United Nations, foreign ministers and international relations',
      'news from Iraq, the Middle East, Europe, Asia and Africa',
    ],
  },
  {
    id: 'Sports',
    descriptions: [
      'sports news: a game, a match or a tournament',
      'the team won the championship final',
      'football, baseball, basketball, soccer, tennis, golf and the Olympics',
      'a coach, the players and the season',
      'scored a goal, a touchdown or a home run',
    ],
  },
  {
    id: 'Business',
    descriptions: [
      'business news: companies, markets and the economy',
      'stocks, shares and Wall Street',
      'quarterly earnings, profit and revenue',
      'oil prices, interest rates, inflation and the dollar',
      'a merger, an acquisition or a takeover deal',
    ],
  },
  {
    id: 'Sci/Tech',
    descriptions: [
      'science and technology news',
      'computers, software, the internet and the web',
      'a new phone, chip or gadget from a tech company',
      'space exploration, NASA, astronomy and scientific research',
      'video games, Microsoft, Google, Apple and IBM',
    ],
  },
]);
