import { DAY, HOUR } from '../../infra/clock.ts';
import { defineJob } from '../../jobs/runner.ts';
import { refreshOpenDeadlines } from './queue.service.ts';
import { purgeStaleRequestDrafts } from './request-drafts.service.ts';

/**
 * The work queue's hourly job: each open case's next deadline counted again, for what changes it
 * outside a step of the case (a session set, an application to disqualify answered). A step of the
 * case counts it at once.
 */
export const QUEUE_DEADLINES_JOB = 'cases.queue_deadlines';

export const CASES_JOBS = [
  defineJob({
    kind: QUEUE_DEADLINES_JOB,
    everyMs: HOUR,
    async run(deps) {
      deps.log.info({ cases: await refreshOpenDeadlines(deps) }, 'queue deadlines refreshed');
    },
  }),
  defineJob({
    kind: 'cases.stale_request_drafts',
    everyMs: DAY,
    async run(deps) {
      deps.log.info({ drafts: await purgeStaleRequestDrafts(deps) }, 'stale request drafts removed');
    },
  }),
];
