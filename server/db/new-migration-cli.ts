import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { newMigrationName } from './migration-names.ts';

// `npm run db:migration -- <area>-<what>`: a new, empty migration named by the time it is made.
let name: string;
try {
  name = newMigrationName(new Date(), process.argv[2] ?? '');
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations', `${name}.ts`);
if (existsSync(file)) {
  console.error(`${path.relative(process.cwd(), file)} exists already.`);
  process.exit(1);
}
writeFileSync(
  file,
  `import type { Kysely } from 'kysely';

// What this adds and why. Portable SQL only (SQLite and PostgreSQL); frozen once it lands.
export async function up(db: Kysely<any>): Promise<void> {}

export async function down(db: Kysely<any>): Promise<void> {}
`,
);
console.info(
  `Created ${path.relative(process.cwd(), file)}. When the change lands, add '${name}' to the end of server/db/landed-migrations.ts.`,
);
