import { rmSync } from 'node:fs';

/** Removes the run's temporary database once the server has stopped. */
export default function teardown() {
  const database = process.env.PARLEY_E2E_DATABASE;
  if (!database) return;
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${database}${suffix}`, { force: true });
}
