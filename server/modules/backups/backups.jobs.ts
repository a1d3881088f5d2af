import { DAY } from '../../infra/clock.ts';
import { defineJob } from '../../jobs/runner.ts';
import { createBackup } from './backups.service.ts';

/**
 * The daily backup, when BACKUP_JOB is on: once a day (UTC) across all servers, on whichever
 * server's runner claims it. A failure is logged and retried like any job; the file's checks
 * are logged with it.
 */
export const BACKUP_JOB = 'backups.daily';

export const BACKUP_JOBS = [
  defineJob({
    kind: BACKUP_JOB,
    everyMs: DAY,
    async run(deps) {
      if (!deps.config.backups.scheduled) return;
      const report = await createBackup(deps);
      deps.log.info({ file: report.file, checks: report.checks, removed: report.removed }, 'backup made');
    },
  }),
];
