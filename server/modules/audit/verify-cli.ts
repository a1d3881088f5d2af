import { parseArgs } from 'node:util';
import { loadConfigOrExit } from '../../config.ts';
import { openDatabase } from '../../db/database.ts';
import { setAuditSecret } from './audit.service.ts';
import { verifyWithCheckpoints } from './checkpoints.ts';

// `npm run audit:verify [-- --checkpoints <file> …]`: re-computes the audit chain of DATABASE_URL
// with the key of APP_SECRET and checks that it passes through every checkpoint of
// AUDIT_CHECKPOINTS (when a file) and of each file named (a saved checkpoint e-mail's line, a
// copy of the log). Exits 1 naming the first broken row, so it can run from cron or a monitor.
const { values } = parseArgs({ options: { checkpoints: { type: 'string', multiple: true } } });
const config = loadConfigOrExit();
setAuditSecret(config.appSecret);
const db = openDatabase({ url: config.databaseUrl });
try {
  const report = await verifyWithCheckpoints({ db, config }, values.checkpoints ?? []);
  for (const problem of report.problems) console.error(`Checkpoint refused: ${problem}`);
  if (!report.ok) {
    console.error(`Audit trail BROKEN at event ${report.brokenAt}: ${report.reason}`);
    process.exitCode = 1;
  } else {
    const against =
      report.checkpoints > 0
        ? `, passing through ${report.checkpoints} checkpoint(s)`
        : '. No checkpoint to compare with: removal of the newest events could not be checked (see AUDIT_CHECKPOINTS)';
    console.info(`Audit trail intact: ${report.events} events verified${against}.`);
    if (report.problems.length > 0) process.exitCode = 1;
  }
} finally {
  await db.destroy();
}
