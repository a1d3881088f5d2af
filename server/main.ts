import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { migrateToLatest } from './db/migrate.ts';
import { seedDemoIfEmpty } from './db/seed/demo.ts';
import { DEMO_SIGN_INS } from './db/seed/demo-people.ts';
import { JOBS } from './jobs/jobs.ts';
import { createJobRunner } from './jobs/runner.ts';
import { checkMasterKeys } from './modules/keys/keys.service.ts';

// Process entry: read config, open and migrate the database, seed the demo, listen, start jobs,
// and shut down gracefully (finish requests in flight and the current job) on SIGINT or SIGTERM.
let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

const { app, deps } = await buildApp({ config });
await migrateToLatest(deps.db);
// A retired or mistyped master key stops start-up here rather than failing on a case's notes later.
const keys = await checkMasterKeys(deps).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
if (keys.unheld.length > 0)
  app.log.error({ keys: keys.unheld }, 'case keys wrapped under master keys this server does not hold');
if (keys.legacyCaseKeys > 0)
  app.log.warn(
    { caseKeys: keys.legacyCaseKeys },
    'case keys still wrapped under APP_SECRET: run npm run keys:rotate',
  );
// Test mode seeds too: the browser journeys run against the demo people on a fresh database.
if (config.mode !== 'production') {
  const seeded = await seedDemoIfEmpty(deps);
  if (seeded) app.log.info('seeded the demo programs, people and cases');
}

const runner = createJobRunner(deps, JOBS);
if (config.jobs) runner.start();

await app.listen({ port: config.port, host: config.host });
if (config.demoLocalOnly)
  console.info(
    `Demo mode listens on ${config.host} only, so no other machine can reach it: its mailbox page shows every sign-in and reset link. Set HOST=0.0.0.0 to open it to your network.`,
  );
if (config.showsDemoAids && config.mode !== 'test') {
  const lines = DEMO_SIGN_INS.map((s) => `  ${s.role.padEnd(32)} ${s.email.padEnd(40)} ${s.password}`);
  console.info(
    `\nParley is running at ${config.publicUrl}  (${config.mode} mode)\n\nDemo sign-ins:\n${lines.join('\n')}\n`,
  );
}

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'shutting down');
  const force = setTimeout(() => process.exit(1), 15_000);
  force.unref();
  await app.close();
  await runner.stop();
  await deps.db.destroy();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
