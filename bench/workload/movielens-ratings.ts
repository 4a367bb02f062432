import { seededRandom } from './seeded-random.js';

/**
 * MovieLens 100K ratings (`u.data`): in `../shared/data` next to the repository, never in the
 * repository or a bundle. The bench server serves the file at `url` while a bench runs
 * (bench/node/serve-shared-data.ts), only when it is there.
 *
 * @example
 * const response = await fetch(movieLensRatingsFile.url)
 */
export const movieLensRatingsFile = {
  /** Relative to the repository root. */
  path: '../shared/data/movielens/ml-100k/u.data',
  /** Where the bench pages fetch it. */
  url: '/bench-data/movielens/ml-100k/u.data',
} as const;

/**
 * One rating of `u.data`: user, item, rating 1–5, seconds since the epoch.
 *
 * @example
 * const rating: MovieLensRating = { userId: '196', itemId: '242', rating: 3, timestamp: 881250949 }
 */
export interface MovieLensRating {
  userId: string;
  itemId: string;
  rating: number;
  timestamp: number;
}

/**
 * Parses `u.data` (tab-separated user, item, rating, timestamp; one rating a line), in file order.
 *
 * @example
 * parseMovieLensRatings('196\t242\t3\t881250949\n') // [{ userId: '196', itemId: '242', rating: 3, timestamp: 881250949 }]
 */
export function parseMovieLensRatings(text: string): MovieLensRating[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [userId = '', itemId = '', rating = '', timestamp = ''] = line.split('\t');
      return { userId, itemId, rating: Number(rating), timestamp: Number(timestamp) };
    });
}

/**
 * What the recommend part measures; the page gets it from bench/node/measure-recommend.ts.
 *
 * @example
 * const job: RecommendJob = { users: 200, sessionItems: 5, k: 10, seed: 23 }
 */
export interface RecommendJob {
  /** Users whose recommendations are timed (a seeded sample). */
  users: number;
  /** Items of a session: each sampled user's latest ones, oldest first. */
  sessionItems: number;
  /** Recommendations per call. */
  k: number;
  seed: number;
}

/**
 * Bench (m): 200 users, sessions of their 5 latest items, 10 recommendations a call.
 *
 * @example
 * await callBenchPage(context, url, 'recommend', { name: 'run', options: recommendJob })
 */
export const recommendJob: RecommendJob = { users: 200, sessionItems: 5, k: 10, seed: 23 };

/**
 * A seeded sample of `count` distinct users (sorted by id as numbers, then shuffled), and each
 * one's latest `sessionItems` items, oldest first.
 *
 * @example
 * const sample = sampleUsers(ratings, recommendJob) // [{ userId: '42', latest: ['1', '7', …] }, …]
 */
export function sampleUsers(
  ratings: readonly MovieLensRating[],
  job: RecommendJob,
): { userId: string; latest: string[] }[] {
  const byUser = new Map<string, MovieLensRating[]>();
  for (const rating of ratings) {
    const list = byUser.get(rating.userId) ?? [];
    list.push(rating);
    byUser.set(rating.userId, list);
  }
  const users = [...byUser.keys()].sort((a, b) => Number(a) - Number(b));
  const random = seededRandom(job.seed);
  // Fisher–Yates, seeded: the same users on every run.
  for (let index = users.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random.next() * (index + 1));
    [users[index], users[other]] = [users[other] as string, users[index] as string];
  }
  return users.slice(0, job.users).map((userId) => ({
    userId,
    latest: [...(byUser.get(userId) as MovieLensRating[])]
      .sort((a, b) => a.timestamp - b.timestamp)
      .slice(-job.sessionItems)
      .map((rating) => rating.itemId),
  }));
}
