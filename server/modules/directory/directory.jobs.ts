import { DAY } from '../../infra/clock.ts';
import { defineJob } from '../../jobs/runner.ts';
import { pruneIndexChanges } from './search-sync.ts';

/**
 * The directory's daily job: forget the list of changed profiles older than the last
 * KEPT_VERSIONS versions (a server that has not searched since then reads every profile again).
 */
export const DIRECTORY_PRUNE_JOB = 'directory.prune_changes';

export const DIRECTORY_JOBS = [
  defineJob({
    kind: DIRECTORY_PRUNE_JOB,
    everyMs: DAY,
    async run(deps) {
      deps.log.info({ from: await pruneIndexChanges(deps) }, 'directory changes pruned');
    },
  }),
];
