import { loadConfigOrExit } from '../../config.ts';
import { systemClock } from '../../infra/clock.ts';
import { BackupError, extractPayload } from './backup-file.ts';
import { restoreBackup } from './backups.service.ts';

// `npm run restore -- <file> [--force]`: restores a backup into DATABASE_URL (stop Parley first)
// and checks the result. Refuses a database that holds data unless --force, which backs it up
// first. `npm run restore -- --extract <file> <out>` writes the bare SQLite file or pg_dump
// archive inside a backup (decrypted) for use with sqlite3 or pg_restore directly.
const args = process.argv.slice(2);
const force = args.includes('--force');
const extract = args.includes('--extract');
const files = args.filter((a) => !a.startsWith('--'));
if (
  files.length !== (extract ? 2 : 1) ||
  args.some((a) => a.startsWith('--') && a !== '--force' && a !== '--extract')
) {
  console.error(
    'Usage: npm run restore -- <backup file> [--force]\n       npm run restore -- --extract <backup file> <output file>',
  );
  process.exit(2);
}

const config = loadConfigOrExit();
try {
  if (extract) {
    const header = await extractPayload(files[0]!, files[1]!, config.backups.encryptionKey);
    console.info(
      `Wrote ${header.payload === 'sqlite' ? 'the SQLite database' : 'the pg_dump archive'} to ${files[1]}.`,
    );
  } else {
    const report = await restoreBackup({ config, clock: systemClock }, files[0]!, { force });
    if (report.replacedBackup)
      console.info(`The database it replaced was backed up first: ${report.replacedBackup}`);
    console.info(`Restored ${files[0]}.`);
    for (const line of report.checks) console.info(`  ${line}`);
    for (const line of report.warnings) console.warn(`Warning: ${line}`);
  }
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(`Nothing was restored: ${error.message}`);
  process.exitCode = 1;
}
