import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../db/database.ts';
import { verifyAuditTrail } from './audit.service.ts';

// `npm run audit:verify`: re-computes the audit chain of DATABASE_URL. Exits 1 naming the first
// broken row, so it can run from cron or a monitoring check.
const config = loadConfig();
const db = openDatabase({ url: config.databaseUrl });
try {
  const result = await verifyAuditTrail(db);
  if (result.ok) {
    console.info(`Audit trail intact: ${result.events} events verified.`);
  } else {
    console.error(`Audit trail BROKEN at event ${result.brokenAt}: ${result.reason}`);
    process.exitCode = 1;
  }
} finally {
  await db.destroy();
}
