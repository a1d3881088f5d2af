import { type Kysely, PostgresAdapter, sql } from 'kysely';

// The dashboard's figures kept ready, so a program's dashboard no longer groups every session and
// parses every survey answer of its cases on each ask.
//
// `case_figures`: one narrow row per case: its program, request and closing times, state and
// filter columns (copied from `cases`); its sessions held (the first one's start, how many, their
// minutes); its survey answers (responses answered, each question's count of each score, how many
// would recommend); and the days from the request to the first session held and to closing.
//
// `program_day_figures`: per program and UTC day, the sums the dashboard adds up: requests made
// that day, first sessions held that day, and of the cases closed that day their count by state,
// their sessions held and minutes, and their survey answers with and without agreement. A period
// of Missouri days reads the whole UTC days inside it here and its two part-days from
// `case_figures`.
//
// The database keeps both current itself, in the same transaction as the write that changes them,
// whichever code makes it: triggers on `cases`, `case_sessions` and `survey_responses` rewrite the
// case's row, and triggers on `case_figures` move its contribution between day rows. Promises stay
// in `compliance_milestones`, which the dashboard counts by due date through an index.

type Dialect = 'sqlite' | 'postgres';
const dialectOf = (db: Kysely<any>): Dialect =>
  db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';

const CASE_COLUMNS = [
  ['program_id', 'program_id'],
  ['requested_at', 'created_at'],
  ['closed_at', 'closed_at'],
  ['state', 'state'],
  ['county', 'county'],
  ['mediator_id', 'mediator_id'],
  ['case_type', 'case_type'],
  ['dispute_category', 'dispute_category'],
] as const;
const QUESTIONS = ['overall', 'heard', 'fair'] as const;
const SCORES = [1, 2, 3, 4, 5] as const;
const SURVEY_COLUMNS = [
  'survey_responses',
  ...QUESTIONS.flatMap((q) => SCORES.map((s) => `${q}_${s}`)),
  'recommend_yes',
];
// The states a case ends in and those that count as resolved, as they stand today (a migration
// keeps its own copy: it must do what it did when it ran).
const ENDINGS = [
  'declined',
  'withdrawn',
  'opted_out',
  'not_suitable',
  'full_agreement',
  'partial_agreement',
  'informal_agreement',
  'no_agreement',
];
const RESOLVED = ['full_agreement', 'partial_agreement', 'informal_agreement'];
const inList = (values: string[]) => values.map((v) => `'${v}'`).join(', ');

/** Days from one ISO instant to another, as the reports have always computed them. */
const daysBetween = (dialect: Dialect, from: string, to: string) =>
  dialect === 'postgres'
    ? `(extract(epoch from (${to}::timestamptz - ${from}::timestamptz)) / 86400.0)`
    : `(julianday(${to}) - julianday(${from}))`;

/** A number from the survey's JSON answers (a boolean reads 1 or 0), as the reports read it. */
const answer = (dialect: Dialect, key: string) =>
  dialect === 'postgres'
    ? `(case (answers::json->>'${key}') when 'true' then 1 when 'false' then 0 else (answers::json->>'${key}')::integer end)`
    : `json_extract(answers, '$.${key}')`;

/** The survey figures' expressions over one case's answered responses, in SURVEY_COLUMNS order. */
const surveySums = (dialect: Dialect) => [
  'count(*)',
  ...QUESTIONS.flatMap((q) =>
    SCORES.map((s) => `coalesce(sum(case when ${answer(dialect, q)} = ${s} then 1 else 0 end), 0)`),
  ),
  `coalesce(sum(case when ${answer(dialect, 'recommend')} = 1 then 1 else 0 end), 0)`,
];

/** Rewrites the held-session figures of the case `id` names, from its sessions. */
const setHeld = (dialect: Dialect, id: string) =>
  `update case_figures set (first_held_at, sessions_held, minutes_held, days_to_first_session) =
    (select min(starts_at), count(*), coalesce(sum(minutes), 0),
       ${daysBetween(dialect, 'case_figures.requested_at', 'min(starts_at)')}
     from case_sessions where case_id = ${id} and status = 'held')
   where case_id = ${id}`;
/** Rewrites the survey figures of the case `id` names, from its answered surveys. */
const setSurveys = (dialect: Dialect, id: string) =>
  `update case_figures set (${SURVEY_COLUMNS.join(', ')}) =
    (select ${surveySums(dialect).join(', ')} from survey_responses where case_id = ${id} and answered_at is not null)
   where case_id = ${id}`;
const insertCase = (dialect: Dialect) =>
  `insert into case_figures (case_id, ${CASE_COLUMNS.map(([f]) => f).join(', ')}, days_to_close)
   values (new.id, ${CASE_COLUMNS.map(([, c]) => `new.${c}`).join(', ')}, ${daysBetween(dialect, 'new.created_at', 'new.closed_at')})`;
const updateCase = (dialect: Dialect) =>
  `update case_figures set ${CASE_COLUMNS.map(([f, c]) => `${f} = new.${c}`).join(', ')},
     days_to_close = ${daysBetween(dialect, 'new.created_at', 'new.closed_at')},
     days_to_first_session = ${daysBetween(dialect, 'new.created_at', 'first_held_at')}
   where case_id = new.id`;
const caseColumns = CASE_COLUMNS.map(([, c]) => c).join(', ');
const SESSION_COLUMNS = 'case_id, status, starts_at, minutes';
const RESPONSE_COLUMNS = 'case_id, answered_at, answers';

/**
 * The day figures' columns, each with what one case row (alias `r`) adds to the day of its
 * `when`: requests on the day of the request, first sessions on the day of the first session
 * held, and the rest on the day of closing.
 */
const DAY_COLUMNS: { when: 'requested_at' | 'first_held_at' | 'closed_at'; column: string; adds: string }[] =
  [
    { when: 'requested_at', column: 'requests', adds: '1' },
    { when: 'first_held_at', column: 'first_held', adds: '1' },
    { when: 'closed_at', column: 'closed', adds: '1' },
    ...ENDINGS.map((state) => ({
      when: 'closed_at' as const,
      column: `closed_${state}`,
      adds: `(case when r.state = '${state}' then 1 else 0 end)`,
    })),
    {
      when: 'closed_at',
      column: 'closed_with_sessions',
      adds: '(case when r.sessions_held > 0 then 1 else 0 end)',
    },
    { when: 'closed_at', column: 'closed_sessions_held', adds: 'r.sessions_held' },
    { when: 'closed_at', column: 'closed_minutes_held', adds: 'r.minutes_held' },
    ...(['agreed', 'not_agreed'] as const).flatMap((group) =>
      SURVEY_COLUMNS.map((c) => ({
        when: 'closed_at' as const,
        column: `${group}_${c}`,
        adds: `(case when r.state ${group === 'agreed' ? 'in' : 'not in'} (${inList(RESOLVED)}) then r.${c} else 0 end)`,
      })),
    ),
  ];
const WHENS = ['requested_at', 'first_held_at', 'closed_at'] as const;
const day = (column: string) => `substr(${column}, 1, 10)`;

/** Adds (sign 1) or takes away (sign -1) one case row's figures to the day rows they belong to. */
const moveDays = (row: 'new' | 'old', sign: 1 | -1) =>
  WHENS.map((when) => {
    const columns = DAY_COLUMNS.filter((c) => c.when === when);
    const values = columns.map((c) => `${sign} * ${c.adds.replaceAll('r.', `${row}.`)}`);
    return `insert into program_day_figures (program_id, day, ${columns.map((c) => c.column).join(', ')})
      select ${row}.program_id, ${day(`${row}.${when}`)}, ${values.join(', ')} where ${row}.${when} is not null
      on conflict (program_id, day) do update set
        ${columns.map((c) => `${c.column} = program_day_figures.${c.column} + excluded.${c.column}`).join(', ')}`;
  });

/**
 * Every case's row and every day's sums computed from the source tables, one set-based statement
 * each (also what the reports benchmark runs after loading its cases with the triggers set aside).
 */
export async function fillCaseFigures(db: Kysely<any>): Promise<void> {
  const dialect = dialectOf(db);
  const surveys = surveySums(dialect);
  const run = (text: string) => sql.raw(text).execute(db);
  await run(`insert into case_figures (case_id, ${CASE_COLUMNS.map(([f]) => f).join(', ')},
      first_held_at, sessions_held, minutes_held, ${SURVEY_COLUMNS.join(', ')},
      days_to_first_session, days_to_close)
    select c.id, ${CASE_COLUMNS.map(([, col]) => `c.${col}`).join(', ')},
      h.first_at, coalesce(h.sessions, 0), coalesce(h.minutes, 0),
      ${SURVEY_COLUMNS.map((col) => `coalesce(s.${col}, 0)`).join(', ')},
      ${daysBetween(dialect, 'c.created_at', 'h.first_at')}, ${daysBetween(dialect, 'c.created_at', 'c.closed_at')}
    from cases c
    left join (select case_id, min(starts_at) as first_at, count(*) as sessions, sum(minutes) as minutes
      from case_sessions where status = 'held' group by case_id) h on h.case_id = c.id
    left join (select case_id, ${SURVEY_COLUMNS.map((col, i) => `${surveys[i]} as ${col}`).join(', ')}
      from survey_responses where answered_at is not null group by case_id) s on s.case_id = c.id`);
  const all = DAY_COLUMNS.map((c) => c.column);
  const parts = WHENS.map((when) => {
    const values = DAY_COLUMNS.map((c) => (c.when === when ? c.adds : '0'));
    return `select r.program_id, ${day(`r.${when}`)} as day, ${values.map((v, i) => `${v} as ${all[i]}`).join(', ')}
      from case_figures r where r.${when} is not null`;
  });
  // Whatever triggers already added as the case rows went in is replaced by the same sums.
  await run('delete from program_day_figures');
  await run(`insert into program_day_figures (program_id, day, ${all.join(', ')})
    select program_id, day, ${all.map((c) => `sum(${c})`).join(', ')}
    from (${parts.join(' union all ')}) x group by program_id, day`);
}

/** Makes the program's promise indexes again, each over the columns given. */
async function remakeIndexes(db: Kysely<any>, indexes: [string, string[]][]) {
  for (const [name, columns] of indexes) {
    await db.schema.dropIndex(name).execute();
    await db.schema.createIndex(name).on('compliance_milestones').columns(columns).execute();
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  const dialect = dialectOf(db);
  let table = db.schema
    .createTable('case_figures')
    .addColumn('case_id', 'text', (c) => c.primaryKey().references('cases.id').onDelete('cascade'))
    .addColumn('program_id', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('county', 'text')
    .addColumn('mediator_id', 'text')
    .addColumn('case_type', 'text', (c) => c.notNull())
    .addColumn('dispute_category', 'text')
    .addColumn('first_held_at', 'text')
    .addColumn('sessions_held', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('minutes_held', 'integer', (c) => c.notNull().defaultTo(0));
  for (const column of SURVEY_COLUMNS)
    table = table.addColumn(column, 'integer', (c) => c.notNull().defaultTo(0));
  await table
    .addColumn('days_to_first_session', 'double precision')
    .addColumn('days_to_close', 'double precision')
    .execute();
  let days = db.schema
    .createTable('program_day_figures')
    .addColumn('program_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('program_day_figures_key', ['program_id', 'day']);
  for (const { column } of DAY_COLUMNS)
    days = days.addColumn(column, 'integer', (c) => c.notNull().defaultTo(0));
  await days.execute();
  await fillCaseFigures(db);
  // By program and each time (for the part-days and filtered figures; with the days beside them
  // for a period's median and 90th percentile, and the state for the monthly cases resolved), and
  // by program and days with the time beside them (all time's, read in order of days).
  for (const [name, columns] of [
    ['case_figures_requested', ['program_id', 'requested_at']],
    ['case_figures_closed', ['program_id', 'closed_at', 'days_to_close', 'state']],
    ['case_figures_first_held', ['program_id', 'first_held_at', 'days_to_first_session']],
    ['case_figures_days_to_close', ['program_id', 'days_to_close', 'closed_at']],
    ['case_figures_days_to_first', ['program_id', 'days_to_first_session', 'first_held_at']],
    ['case_figures_category', ['program_id', 'dispute_category']],
  ] as const)
    await db.schema
      .createIndex(name)
      .on('case_figures')
      .columns([...columns])
      .execute();

  // Promises due in a period (or in any), counted by state and date done from an index alone.
  await remakeIndexes(db, [
    ['compliance_milestones_program_due', ['program_id', 'due_date', 'state', 'done_on']],
    ['compliance_milestones_program_state', ['program_id', 'state', 'due_date', 'done_on']],
  ]);

  const run = (text: string) => sql.raw(text).execute(db);
  if (dialect === 'postgres') {
    const fn = async (name: string, body: string) =>
      run(`create function ${name}() returns trigger language plpgsql as $$
        begin ${body} return null; end $$`);
    await fn(
      'case_figures_from_case',
      `if tg_op = 'INSERT' then ${insertCase(dialect)}; else ${updateCase(dialect)}; end if;`,
    );
    await run(`create trigger case_figures_case after insert or update of ${caseColumns} on cases
      for each row execute function case_figures_from_case()`);
    for (const [source, on, columns, set] of [
      ['sessions', 'case_sessions', SESSION_COLUMNS, setHeld],
      ['surveys', 'survey_responses', RESPONSE_COLUMNS, setSurveys],
    ] as const) {
      await fn(
        `case_figures_from_${source}`,
        `if tg_op <> 'INSERT' then ${set(dialect, 'old.case_id')}; end if;
         if tg_op <> 'DELETE' then ${set(dialect, 'new.case_id')}; end if;`,
      );
      await run(`create trigger case_figures_${source} after insert or delete or update of ${columns}
        on ${on} for each row execute function case_figures_from_${source}()`);
    }
    await fn(
      'program_day_figures_from_case',
      `if tg_op <> 'INSERT' then ${moveDays('old', -1).join('; ')}; end if;
       if tg_op <> 'DELETE' then ${moveDays('new', 1).join('; ')}; end if;`,
    );
    await run(`create trigger program_day_figures_case after insert or update or delete on case_figures
      for each row execute function program_day_figures_from_case()`);
    return;
  }
  await run(
    `create trigger case_figures_case_insert after insert on cases begin ${insertCase(dialect)}; end`,
  );
  await run(`create trigger case_figures_case_update after update of ${caseColumns} on cases
    begin ${updateCase(dialect)}; end`);
  for (const [source, on, columns, set] of [
    ['sessions', 'case_sessions', SESSION_COLUMNS, setHeld],
    ['surveys', 'survey_responses', RESPONSE_COLUMNS, setSurveys],
  ] as const) {
    await run(`create trigger case_figures_${source}_insert after insert on ${on}
      begin ${set(dialect, 'new.case_id')}; end`);
    await run(`create trigger case_figures_${source}_update after update of ${columns} on ${on}
      begin ${set(dialect, 'old.case_id')}; ${set(dialect, 'new.case_id')}; end`);
    await run(`create trigger case_figures_${source}_delete after delete on ${on}
      begin ${set(dialect, 'old.case_id')}; end`);
  }
  await run(`create trigger program_day_figures_insert after insert on case_figures
    begin ${moveDays('new', 1).join('; ')}; end`);
  await run(`create trigger program_day_figures_update after update on case_figures
    begin ${[...moveDays('old', -1), ...moveDays('new', 1)].join('; ')}; end`);
  await run(`create trigger program_day_figures_delete after delete on case_figures
    begin ${moveDays('old', -1).join('; ')}; end`);
}

export async function down(db: Kysely<any>): Promise<void> {
  const run = (text: string) => sql.raw(text).execute(db);
  if (dialectOf(db) === 'postgres') {
    await run('drop trigger if exists program_day_figures_case on case_figures');
    await run('drop trigger if exists case_figures_case on cases');
    await run('drop trigger if exists case_figures_sessions on case_sessions');
    await run('drop trigger if exists case_figures_surveys on survey_responses');
    for (const f of [
      'program_day_figures_from_case',
      'case_figures_from_case',
      'case_figures_from_sessions',
      'case_figures_from_surveys',
    ])
      await run(`drop function if exists ${f}()`);
  } else {
    for (const name of [
      'case_figures_case_insert',
      'case_figures_case_update',
      ...['sessions', 'surveys'].flatMap((s) =>
        ['insert', 'update', 'delete'].map((e) => `case_figures_${s}_${e}`),
      ),
      ...['insert', 'update', 'delete'].map((e) => `program_day_figures_${e}`),
    ])
      await run(`drop trigger if exists ${name}`);
  }
  await remakeIndexes(db, [
    ['compliance_milestones_program_due', ['program_id', 'due_date']],
    ['compliance_milestones_program_state', ['program_id', 'state', 'due_date']],
  ]);
  await db.schema.dropTable('program_day_figures').execute();
  await db.schema.dropTable('case_figures').execute();
}
