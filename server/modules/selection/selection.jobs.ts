import { MINUTE } from '../../infra/clock.ts';
import { defineJob } from '../../jobs/runner.ts';
import { settleLapsedApplications } from './disqualification-settle.ts';

/**
 * Rule 88.04(e): an application to disqualify the mediator that no party denied within its 10
 * days disqualifies the mediator. The job records it soon after the last day ends (the case's own
 * steps record it first when someone acts on the case).
 */
export const SELECTION_JOBS = [
  defineJob({
    kind: 'selection.disqualification_lapsed',
    everyMs: 15 * MINUTE,
    async run(deps) {
      const recorded = await settleLapsedApplications(deps);
      if (recorded) deps.log.info({ recorded }, 'undenied applications to disqualify recorded');
    },
  }),
];
