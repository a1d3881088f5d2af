import { loadConfig } from '../config.ts';
import { openDatabase } from './database.ts';
import { migrateToLatest } from './migrate.ts';

// `npm run db:migrate`: applies pending migrations to DATABASE_URL.
const config = loadConfig();
const db = openDatabase({ url: config.databaseUrl });
try {
  const applied = await migrateToLatest(db);
  console.info(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
} finally {
  await db.destroy();
}
