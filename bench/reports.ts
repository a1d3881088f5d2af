import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { type Db, dialectOf, openDatabase } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { fillCaseFigures } from '../server/db/migrations/2026-11-27-0411-reports-rollup.ts';
import { buildProgram, buildUser } from '../server/db/seed/builders.ts';
import { signedIn } from '../test/client.ts';

// `npm run bench:reports` — the program dashboard over 1,000,000 cases. On a fresh SQLite database
// and a fresh PostgreSQL schema (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test) it
// builds the cases with set-based SQL (no row-by-row inserts): 20 programs, five years of requests
// (July 2021 to June 2026), every outcome, held sessions, survey answers and promises; then asks
// one program's dashboard, as its coordinator through the API, for one year and for all time, and
// prints the median (p50) and 99th percentile (p99) answer times in milliseconds.
//
//   npm run bench:reports                                  both databases, 1,000,000 cases, 30 runs
//   npm run bench:reports -- --cases 100000 --runs 50 --dialect sqlite

const { values: args } = parseArgs({
  options: {
    cases: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '30' },
    dialect: { type: 'string', default: 'both' },
  },
});
const CASES = Number(args.cases);
const RUNS = Number(args.runs);
const PROGRAMS = 20;
const MEDIATORS = 50;
const SPAN_SECONDS = 5 * 365 * 86_400;
const PG_URL = process.env.DATABASE_URL?.startsWith('postgres')
  ? process.env.DATABASE_URL
  : 'postgres://postgres@127.0.0.1:5432/test';

/** Each case's state from its number: 30% full, 15% partial, 5% informal, 15% none, the rest other ways. */
const STATES = [
  ...Array(6).fill('full_agreement'),
  ...Array(3).fill('partial_agreement'),
  'informal_agreement',
  ...Array(3).fill('no_agreement'),
  'withdrawn',
  'declined',
  'not_suitable',
  'opted_out',
  'in_mediation',
  'requested',
  'ready_to_schedule',
];
const HELD = ['full_agreement', 'partial_agreement', 'informal_agreement', 'no_agreement', 'in_mediation'];
const OPEN = ['in_mediation', 'requested', 'ready_to_schedule'];
const COUNTIES = [
  'Boone',
  'Cole',
  'Greene',
  'Jackson',
  'Jasper',
  'Saint Louis',
  'Saint Charles',
  'Clay',
  'Buchanan',
  'Cape Girardeau',
];
const CATEGORIES = ['evaluation', 'eligibility', 'placement', 'provision_of_services', 'discipline'];

const list = (values: string[]) => values.map((v) => `'${v}'`).join(', ');
const pick = (values: string[], index: string) =>
  `(case ${index} ${values.map((v, i) => `when ${i} then '${v}'`).join(' ')} end)`;

/** The SQL that makes the numbers 1..N, a timestamp N seconds or days after another, and a padded id. */
function dialectSql(db: Db) {
  const postgres = dialectOf(db) === 'postgres';
  return {
    numbers: postgres
      ? `seq as (select generate_series(1, ${CASES}) as n)`
      : `seq(n) as (select 1 union all select n + 1 from seq where n < ${CASES})`,
    recursive: postgres ? '' : 'recursive',
    iso: (base: string, seconds: string) =>
      postgres
        ? `to_char((${base})::timestamptz at time zone 'UTC' + (${seconds}) * interval '1 second', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
        : `strftime('%Y-%m-%dT%H:%M:%fZ', ${base}, '+' || (${seconds}) || ' seconds')`,
    date: (base: string, days: string) =>
      postgres
        ? `to_char((${base})::timestamptz at time zone 'UTC' + (${days}) * interval '1 day', 'YYYY-MM-DD')`
        : `strftime('%Y-%m-%d', ${base}, '+' || (${days}) || ' days')`,
    id: (prefix: string, n: string) =>
      postgres ? `'${prefix}' || lpad((${n})::text, 8, '0')` : `printf('${prefix}%08d', ${n})`,
  };
}

async function build(db: Db, programIds: string[], mediatorIds: string[]) {
  const d = dialectSql(db);
  const state = pick(STATES, `((n / ${PROGRAMS}) % ${STATES.length})`);
  const created = d.iso(`'2021-07-01T05:00:00.000Z'`, `(n - 1) * ${Math.floor(SPAN_SECONDS / CASES)}`);
  const run = (text: string) => sql.raw(text).execute(db);
  const started = Date.now();
  // The rows are loaded with the dashboard's per-case triggers set aside, then its rows are
  // filled in one set-based statement, as the migration that made them does.
  const restoreTriggers = await setTriggersAside(db);
  await run(`
    with ${d.recursive} ${d.numbers},
    c as (select n, ${state} as state, ${created} as created_at from seq)
    insert into cases (id, reference, program_id, rule_pack, rule_pack_version, case_type, state, title,
      mediator_id, closed_at, county, dispute_category, due_process_pending, created_at, updated_at)
    select ${d.id('c', 'n')}, ${d.id('B-', 'n')}, ${pick(programIds, `(n % ${PROGRAMS})`)}, 'bench', '1',
      'special_education', state, 'Bench case',
      ${pick(mediatorIds, `((n / 7) % ${MEDIATORS})`)},
      case when state in (${list(OPEN)}) then null else ${d.iso('created_at', `((n % 90) + 5) * 86400`)} end,
      ${pick(COUNTIES, `((n / 3) % ${COUNTIES.length})`)}, ${pick(CATEGORIES, `((n / 11) % ${CATEGORIES.length})`)},
      (n % 3) % 2, created_at, created_at
    from c`);
  console.info(`  cases: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  let step = Date.now();
  for (const [k, days] of [
    [0, '((n % 4) + 1)'],
    [1, '((n % 4) + 8)'],
  ] as const) {
    await run(`
      insert into case_sessions (id, case_id, mediator_id, kind, side, starts_at, ends_at, minutes, place,
        status, created_by, created_at, updated_at)
      select c.id || '-s${k}', c.id, c.mediator_id, 'joint', null,
        ${d.iso('c.created_at', `${days.replaceAll('n', 'c.n')} * 86400`)},
        ${d.iso('c.created_at', `${days.replaceAll('n', 'c.n')} * 86400 + 5400`)},
        90, '{"kind":"video","url":"https://meet.example.test/bench"}', 'held', c.mediator_id, c.created_at, c.created_at
      from (select id, mediator_id, created_at, cast(substr(id, 2) as integer) as n from cases
            where rule_pack = 'bench' and state in (${list(HELD)})) c
      where ${k === 0 ? '1 = 1' : 'c.n % 2 = 0'}`);
  }
  console.info(`  sessions: ${((Date.now() - step) / 1000).toFixed(1)} s`);
  step = Date.now();
  await run(`
    insert into survey_responses (id, case_id, participant_id, sent_at, answered_at, answers)
    select c.id || '-r', c.id, c.id || '-p', c.closed_at, c.closed_at,
      '{"overall":' || ((c.n % 5) + 1) || ',"heard":' || (((c.n / 5) % 5) + 1) || ',"fair":' || (((c.n / 25) % 5) + 1)
        || ',"recommend":' || (case when c.n % 3 = 0 then 'false' else 'true' end) || ',"comment":""}'
    from (select id, closed_at, cast(substr(id, 2) as integer) as n from cases
          where rule_pack = 'bench' and state in (${list(HELD.filter((s) => s !== 'in_mediation'))})) c`);
  console.info(`  surveys: ${((Date.now() - step) / 1000).toFixed(1)} s`);
  step = Date.now();
  for (const k of [0, 1])
    await run(`
      insert into compliance_milestones (id, case_id, program_id, agreement_document_id, position, what,
        responsible_text, responsible_side, due, signed_on, due_date, evidence_expected, state, done_on,
        done_by_side, created_at, updated_at)
      select c.id || '-m${k}', c.id, c.program_id, c.id || '-doc', ${k}, 'A promise', 'The district', 'respondent',
        '{}', ${d.date('c.closed_at', '0')}, ${d.date('c.closed_at', `${30 + k * 30}`)}, '',
        ${pick(['done', 'confirmed', 'missed', 'waived', 'pending'], `(c.n % 5)`)},
        case when c.n % 5 < 2 then ${d.date('c.closed_at', `${25 + k * 10}`)} else null end,
        null, c.closed_at, c.closed_at
      from (select id, program_id, closed_at, cast(substr(id, 2) as integer) as n from cases
            where rule_pack = 'bench' and state in ('full_agreement', 'partial_agreement')) c`);
  console.info(`  promises: ${((Date.now() - step) / 1000).toFixed(1)} s`);
  step = Date.now();
  await fillCaseFigures(db);
  await restoreTriggers();
  console.info(`  per-case figures: ${((Date.now() - step) / 1000).toFixed(1)} s`);
  // As autovacuum leaves a PostgreSQL table: its visibility map set, so indexes answer alone.
  await run(dialectOf(db) === 'postgres' ? 'vacuum analyze' : 'analyze');
  console.info(`  built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Sets aside the triggers that keep `case_figures` and `program_day_figures` current; gives the function that restores them. */
async function setTriggersAside(db: Db): Promise<() => Promise<void>> {
  const tables = ['cases', 'case_sessions', 'survey_responses', 'case_figures'];
  if (dialectOf(db) === 'postgres') {
    for (const t of tables) await sql.raw(`alter table ${t} disable trigger user`).execute(db);
    return async () => {
      for (const t of tables) await sql.raw(`alter table ${t} enable trigger user`).execute(db);
    };
  }
  const triggers = (
    await sql<{ name: string; sql: string }>`
      select name, sql from sqlite_master where type = 'trigger'
        and (name like 'case_figures_%' or name like 'program_day_figures_%')`.execute(db)
  ).rows;
  for (const t of triggers) await sql.raw(`drop trigger ${t.name}`).execute(db);
  return async () => {
    for (const t of triggers) await sql.raw(t.sql).execute(db);
  };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

async function bench(dialect: 'sqlite' | 'postgres') {
  const file = path.join(tmpdir(), `parley-bench-reports-${process.pid}.db`);
  const schema = `bench_reports_${process.pid}`;
  if (dialect === 'postgres') {
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
  }
  const url = dialect === 'postgres' ? PG_URL : `file:${file}`;
  const config = loadConfig({ PARLEY_MODE: 'test', DATABASE_URL: url, LOG_LEVEL: 'silent', JOBS: 'off' });
  const db = openDatabase({ url, ...(dialect === 'postgres' ? { schema, poolSize: 5 } : {}) });
  try {
    await migrateToLatest(db);
    const { app, deps } = await buildApp({ config, db });
    await app.ready();
    const programs = [];
    for (let i = 0; i < PROGRAMS; i += 1)
      programs.push(await buildProgram(deps, { kind: 'special_education' }));
    const mediators = [];
    for (let i = 0; i < MEDIATORS; i += 1)
      mediators.push(await buildUser(deps, { name: `Bench Mediator ${i}` }));
    console.info(`${dialect}: building ${CASES.toLocaleString('en-US')} cases`);
    await build(
      db,
      programs.map((p) => p.id),
      mediators.map((m) => m.id),
    );
    const target = programs[1]!.id;
    const coordinator = await signedIn(
      app,
      await buildUser(deps, { grants: [{ role: 'coordinator', programId: target }] }),
    );
    const url = (query: string) => `/api/v1/programs/${target}/reports/dashboard${query}`;
    for (const [what, query] of [
      ['one year (2024-07-01 to 2025-06-30)', '?from=2024-07-01&to=2025-06-30'],
      ['all time', ''],
    ] as const) {
      const times: number[] = [];
      let received = 0;
      for (let i = 0; i < RUNS + 3; i += 1) {
        const start = process.hrtime.bigint();
        const r = await coordinator.get(url(query));
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        if (r.statusCode !== 200) throw new Error(`${r.statusCode} ${r.body.slice(0, 200)}`);
        received = (JSON.parse(r.body) as { requests: { received: number } }).requests.received;
        if (i >= 3) times.push(ms);
      }
      console.info(
        `${dialect}: dashboard, ${what}: ${received.toLocaleString('en-US')} requests; p50 ${percentile(times, 50).toFixed(1)} ms, p99 ${percentile(times, 99).toFixed(1)} ms (${RUNS} runs)`,
      );
    }
    await app.close();
  } finally {
    await db.destroy();
    if (dialect === 'postgres') {
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      await admin.query(`drop schema if exists ${schema} cascade`);
      await admin.end();
    } else for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  }
}

if (args.dialect === 'both' || args.dialect === 'sqlite') await bench('sqlite');
if (args.dialect === 'both' || args.dialect === 'postgres') await bench('postgres');
