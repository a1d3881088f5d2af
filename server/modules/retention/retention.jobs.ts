import { DAY } from '../../infra/clock.ts';
import { defineJob } from '../../jobs/runner.ts';
import { purgeDeadLinks, purgeExpired } from './retention.service.ts';

/**
 * Retention's daily jobs, once a day across all servers: the purge of closed cases whose
 * confidential words or whole record have expired (legal holds respected), and the purge of
 * sign-in links and invitations dead for TOKEN_GRACE_DAYS. What went is logged by count only.
 */
export const RETENTION_PURGE_JOB = 'retention.purge';
export const DEAD_LINKS_JOB = 'retention.dead_links';

export const RETENTION_JOBS = [
  defineJob({
    kind: RETENTION_PURGE_JOB,
    everyMs: DAY,
    async run(deps) {
      const report = await purgeExpired(deps);
      deps.log.info(
        { confidential: report.confidential.length, records: report.records.length, held: report.held },
        'retention purge',
      );
    },
  }),
  defineJob({
    kind: DEAD_LINKS_JOB,
    everyMs: DAY,
    async run(deps) {
      deps.log.info(await purgeDeadLinks(deps), 'dead links purged');
    },
  }),
];
