import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { openDatabase } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { buildProgram, buildUser } from '../server/db/seed/builders.ts';
import type { Deps } from '../server/infra/deps.ts';
import type { Actor } from '../server/modules/access/access.service.ts';
import { listQueue } from '../server/modules/cases/queue.service.ts';

// `npm run bench:queue` — the coordinator's work queue over 1,000,000 cases in one program. For
// each database (a fresh SQLite file; a fresh schema in DATABASE_URL's PostgreSQL) it builds the
// cases and two parties each with set-based SQL (a recursive CTE on SQLite, generate_series on
// PostgreSQL), then times the queue's service call — the page's rows, parties, mediators and the
// keyset cursor — for the first page and a page deep in the results (reached by its cursor, as
// a person paging on would), unfiltered and filtered, and prints one JSON line per case:
// {"db","cases","query","page","runs","p50Ms","p99Ms"}.
//
//   npm run bench:queue                              1,000,000 cases, SQLite and PostgreSQL
//   npm run bench:queue -- --cases 100000 --db sqlite

const { values: args } = parseArgs({
  options: {
    cases: { type: 'string', default: '1000000' },
    db: { type: 'string', default: 'sqlite,postgres' },
    runs: { type: 'string', default: '200' },
  },
});
const N = Number(args.cases);
const RUNS = Number(args.runs);
const STATES = [
  'requested',
  'awaiting_other_party',
  'screening',
  'choosing_mediator',
  'ready_to_schedule',
  'in_mediation',
  'withdrawn',
  'full_agreement',
];
const clock = { now: () => new Date('2026-06-15T15:00:00Z') };

type Db = ReturnType<typeof openDatabase>;

/** The cases and their parties, built by the database itself. */
async function build(db: Db, dialect: 'sqlite' | 'postgres', programId: string, mediatorIds: string[]) {
  const states = `(${STATES.map((s) => `'${s}'`).join(',')})`;
  const series =
    dialect === 'sqlite'
      ? `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${N})`
      : `WITH n(i) AS (SELECT generate_series(1, ${N}))`;
  const pad = (e: string, w: number) =>
    dialect === 'sqlite' ? `printf('%0${w}d', ${e})` : `lpad((${e})::text, ${w}, '0')`;
  const pick = (list: string, e: string) =>
    dialect === 'sqlite'
      ? `json_extract('${JSON.stringify(JSON.parse(`[${list.slice(1, -1).replaceAll("'", '"')}]`))}', '$[' || (${e}) || ']')`
      : `(ARRAY[${list.slice(1, -1)}])[(${e}) + 1]`;
  // Opened over three years before "today" (2026-06-15), a next deadline on open cases spread
  // around today (some overdue, some due soon), mediators on three in four cases.
  const day = (offset: string) =>
    dialect === 'sqlite'
      ? `date('2026-06-15', (${offset}) || ' days')`
      : `to_char(date '2026-06-15' + (${offset})::int, 'YYYY-MM-DD')`;
  const instant = (offset: string) =>
    dialect === 'sqlite'
      ? `strftime('%Y-%m-%dT%H:%M:%fZ', '2026-06-15T15:00:00Z', '-' || (${offset}) || ' minutes')`
      : `to_char(timestamp '2026-06-15 15:00:00' - ((${offset}) || ' minutes')::interval, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  const mediators = `(${mediatorIds.map((m) => `'${m}'`).join(',')})`;
  // Loading a million rows is faster with the indexes made afterwards, as a restore does.
  const tables = "('cases', 'case_participants')";
  const indexes =
    dialect === 'sqlite'
      ? (
          await sql
            .raw<{ name: string; def: string }>(
              `SELECT name, sql AS def FROM sqlite_master WHERE type = 'index' AND tbl_name IN ${tables} AND sql IS NOT NULL AND sql NOT LIKE '%UNIQUE%'`,
            )
            .execute(db)
        ).rows
      : (
          await sql
            .raw<{ name: string; def: string }>(
              `SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE schemaname = current_schema() AND tablename IN ${tables} AND indexdef NOT LIKE '%UNIQUE%'`,
            )
            .execute(db)
        ).rows;
  for (const i of indexes) await sql.raw(`DROP INDEX ${i.name}`).execute(db);
  if (dialect === 'sqlite') await sql.raw('PRAGMA synchronous = OFF').execute(db);
  await sql
    .raw(
      `${series}
      INSERT INTO cases (id, reference, program_id, rule_pack, rule_pack_version, case_type, state, title,
        details, safeguards, declined_mediators, mediator_id, county, created_at, updated_at,
        next_due_on, next_due_warn_on, next_due_label)
      SELECT 'bench-' || ${pad('i', 7)}, 'SE-B-' || ${pad('i', 7)}, '${programId}', 'mo-dese-special-education', '2026-11-26',
        'special_education', ${pick(states, `i % ${STATES.length}`)}, 'Bench case ' || i, '{}', '[]', '[]',
        CASE WHEN i % 4 = 0 THEN NULL ELSE ${pick(mediators, `i % ${mediatorIds.length}`)} END,
        'County ' || (i % 114), ${instant(`(i * 1577) % 1576800`)}, ${instant(`(i * 1577) % 1576800`)},
        CASE WHEN i % ${STATES.length} >= 6 THEN NULL ELSE ${day(`(i % 61) - 30`)} END,
        CASE WHEN i % ${STATES.length} >= 6 THEN NULL ELSE ${day(`(i % 61) - 35`)} END,
        CASE WHEN i % ${STATES.length} >= 6 THEN NULL ELSE 'Mediation completed' END
      FROM n`,
    )
    .execute(db);
  for (const [side, name] of [
    ['requester', `'Parent ' || ${pad('i', 7)}`],
    ['respondent', `'District ' || (i % 500)`],
  ] as const)
    await sql
      .raw(
        `${series}
        INSERT INTO case_participants (id, case_id, side, role, name, status, created_at)
        SELECT 'bench-${side}-' || ${pad('i', 7)}, 'bench-' || ${pad('i', 7)}, '${side}', 'party', ${name}, 'active', '2026-01-01T00:00:00.000Z'
        FROM n`,
      )
      .execute(db);
  for (const i of indexes) await sql.raw(i.def).execute(db);
  if (dialect === 'sqlite') await sql.raw('PRAGMA synchronous = FULL').execute(db);
  await sql.raw('ANALYZE').execute(db);
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function run(dialect: 'sqlite' | 'postgres') {
  let db: Db;
  let cleanup: () => Promise<void>;
  if (dialect === 'sqlite') {
    const file = path.join(tmpdir(), `parley-bench-queue-${process.pid}.db`);
    db = openDatabase({ url: file });
    cleanup = async () => {
      await db.destroy();
      for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
    };
  } else {
    const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
    const schema = `bench_queue_${process.pid}`;
    const admin = openDatabase({ url });
    await sql.raw(`CREATE SCHEMA ${schema}`).execute(admin);
    db = openDatabase({ url, schema });
    cleanup = async () => {
      await db.destroy();
      await sql.raw(`DROP SCHEMA ${schema} CASCADE`).execute(admin);
      await admin.destroy();
    };
  }
  try {
    await migrateToLatest(db);
    const deps = { db, clock } as unknown as Deps;
    const program = await buildProgram(deps, { kind: 'special_education' });
    const mediators = [];
    for (let i = 0; i < 40; i++) mediators.push((await buildUser(deps, { name: `Mediator ${i}` })).id);
    const started = Date.now();
    await build(db, dialect, program.id, mediators);
    process.stderr.write(`${dialect}: built ${N} cases in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    const actor = {
      userId: 'bench',
      email: 'bench@example.test',
      name: 'Bench',
      grants: [{ role: 'coordinator', scope: program.id }],
      mfaSetupRequired: false,
      hasMfa: false,
      ip: null,
    } as unknown as Actor;
    const base = { sort: 'opened', dir: 'desc', limit: 25 } as const;
    const queries: Record<string, Record<string, string>> = {
      unfiltered: {},
      'state=in_mediation': { state: 'in_mediation' },
      'view=overdue': { view: 'overdue' },
      'mediator+sort=deadline': { mediatorId: mediators[3]!, sort: 'deadline', dir: 'asc' },
    };
    for (const [name, filter] of Object.entries(queries)) {
      const query = { ...base, ...filter } as Parameters<typeof listQueue>[3];
      // The deep page: 200 pages on (5,000 rows in), reached by following the cursors.
      let after: string | null = null;
      for (let i = 0; i < 200; i++) {
        const page = await listQueue(deps, actor, program.id, { ...query, ...(after ? { after } : {}) });
        if (!page.next) break;
        after = page.next;
      }
      for (const [label, cursor] of [
        ['first', null],
        ['deep', after],
      ] as const) {
        const times: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          const t0 = performance.now();
          await listQueue(deps, actor, program.id, { ...query, ...(cursor ? { after: cursor } : {}) });
          times.push(performance.now() - t0);
        }
        times.sort((a, b) => a - b);
        process.stdout.write(
          `${JSON.stringify({
            db: dialect,
            cases: N,
            query: name,
            page: label,
            runs: RUNS,
            p50Ms: Number(percentile(times, 50).toFixed(2)),
            p99Ms: Number(percentile(times, 99).toFixed(2)),
          })}\n`,
        );
      }
    }
  } finally {
    await cleanup();
  }
}

for (const dialect of args.db.split(',') as ('sqlite' | 'postgres')[]) await run(dialect);
