import { loadConfigOrExit } from '../../config.ts';
import { systemClock } from '../../infra/clock.ts';
import { BackupError } from './backup-file.ts';
import { createBackup } from './backups.service.ts';

// `npm run backup`: one backup of DATABASE_URL into BACKUP_DIR while Parley serves, checked
// before it is kept, encrypted when BACKUP_ENCRYPTION_KEY is set, then the folder rotated.
// A labelled backup is never rotated away. Exits 1 with the reason when no backup could be made, so cron or a monitor notices.
// `--label <word>` names the file for the occasion (before-upgrade) and keeps it out of rotation.
const at = process.argv.indexOf('--label');
const label = at > 0 ? process.argv[at + 1] : undefined;
if (at > 0 && !/^[a-z0-9][a-z0-9-]{0,39}$/.test(label ?? '')) {
  console.error('--label takes one word of lowercase letters, digits and dashes, such as before-upgrade.');
  process.exit(2);
}
const config = loadConfigOrExit();
try {
  const report = await createBackup({ config, clock: systemClock }, label ? { label } : {});
  console.info(`Backup written: ${report.file}`);
  for (const line of report.checks) console.info(`  ${line}`);
  if (report.removed.length > 0) {
    console.info(
      `Rotation (the newest of the last ${config.backups.keepDaily} days and ${config.backups.keepWeekly} weeks kept) removed: ${report.removed.join(', ')}`,
    );
  }
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(`No backup was made: ${error.message}`);
  process.exitCode = 1;
}
