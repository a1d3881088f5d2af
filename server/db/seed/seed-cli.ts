import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { migrateToLatest } from '../migrate.ts';
import { seedDemoIfEmpty } from './demo.ts';

// `npm run db:seed`: migrates DATABASE_URL and seeds the demo if the database has nobody in it.
// It never touches a database that already holds people.
const config = loadConfig();
const { deps } = await buildApp({ config });
try {
  await migrateToLatest(deps.db);
  console.info(
    (await seedDemoIfEmpty(deps))
      ? 'Seeded the demo data.'
      : 'The database already has people in it; nothing seeded.',
  );
} finally {
  await deps.db.destroy();
}
