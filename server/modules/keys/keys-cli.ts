import { loadConfigOrExit } from '../../config.ts';
import { openDatabase } from '../../db/database.ts';
import { systemClock } from '../../infra/clock.ts';
import { newMasterKeyEntry } from '../../infra/master-keys.ts';
import { describeMasterKeys, MasterKeyError, rotateMasterKeys } from './keys.service.ts';

// `npm run keys:new`     prints a fresh PARLEY_MASTER_KEYS entry (nothing is stored).
// `npm run keys:status`  lists the master keys on record and how many case keys each wraps.
// `npm run keys:rotate`  re-wraps every case key under the first key of PARLEY_MASTER_KEYS and
//                        retires the others (see "Keys" in the README for the order of steps).
const command = process.argv[2];

if (command === 'new') {
  console.info(newMasterKeyEntry(new Date()));
  process.exit(0);
}
if (command !== 'rotate' && command !== 'status') {
  console.error('Usage: node server/modules/keys/keys-cli.ts new|status|rotate');
  process.exit(2);
}

const config = loadConfigOrExit();
const db = openDatabase({ url: config.databaseUrl, poolSize: 2 });
const table = async () =>
  (await describeMasterKeys(db, config))
    .map(
      (u) =>
        `  ${u.id.padEnd(24)} ${String(u.caseKeys).padStart(7)} case keys  ${u.state.padEnd(10)} ${u.held ? 'held by this server' : 'not in PARLEY_MASTER_KEYS'}`,
    )
    .join('\n') || '  (no case keys yet)';
try {
  if (command === 'status') {
    console.info(
      `Master keys (new case keys are wrapped under "${config.masterKeys[0].id}"):\n${await table()}`,
    );
  } else {
    const result = await rotateMasterKeys({ db, config, clock: systemClock });
    console.info(`Re-wrapped ${result.rewrapped} case keys under "${result.to}".`);
    if (result.retired.length > 0) {
      console.info(
        `Retired: ${result.retired.join(', ')}. Remove them from PARLEY_MASTER_KEYS on every server; keep a copy while backups made before today are kept, since restoring one needs them.`,
      );
    }
    if (result.remaining.length > 0) {
      console.warn(
        `Still in use: ${result.remaining.join(', ')} (a server wrapped new case keys under it meanwhile). Put "${result.to}" first on every server, then run keys:rotate again.`,
      );
      process.exitCode = 1;
    }
    console.info(`\n${await table()}`);
  }
} catch (error) {
  if (!(error instanceof MasterKeyError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
