import type { SearchJob } from '../workload/search-workload.js';
import { exposeBench } from './expose-bench.js';
import { runSearchJob } from './search-run.js';

// Bench (l): bench/node/measure-search.ts opens this page once per index size.
exposeBench({ run: (job: SearchJob) => runSearchJob(job) });
