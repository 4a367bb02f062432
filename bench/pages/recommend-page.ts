import type { RecommendJob } from '../workload/movielens-ratings.js';
import { exposeBench } from './expose-bench.js';
import { runRecommendJob } from './recommend-run.js';

// Bench (m): bench/node/measure-recommend.ts opens this page once.
exposeBench({ run: (job: RecommendJob) => runRecommendJob(job) });
