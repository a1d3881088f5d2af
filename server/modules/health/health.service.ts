import { pingDatabase } from '../../db/database.ts';
import { AppError } from '../../http/errors.ts';
import type { Deps } from '../../infra/deps.ts';

/**
 * Whether this server and its database answer (for load balancers). The health area keeps no
 * table of its own: its one question to the database is server/db's ping.
 */
export async function checkHealth(deps: Deps) {
  try {
    await pingDatabase(deps.db);
  } catch {
    throw new AppError('SERVICE_UNAVAILABLE', 'The database is not answering.');
  }
  return { status: 'ok' as const, database: 'ok' as const, time: deps.clock.now().toISOString() };
}
