import { readFileSync } from 'node:fs';
import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Find a Mediator: Missouri's counties as reference data, mediator profiles, their training
// records, and the search indexes (FTS5 on SQLite, tsvector + GIN on PostgreSQL).
// Frozen once landed: change the schema or the county data in a new migration.

const COUNTIES_CSV = new URL('../../../data/missouri-counties.csv', import.meta.url);

type CountyRow = { fips: string; name: string; seat: string; circuit: number; lat: number; lon: number };

function readCounties(): CountyRow[] {
  const [header, ...lines] = readFileSync(COUNTIES_CSV, 'utf8').trim().split(/\r?\n/);
  if (header !== 'fips,county,county_seat,circuit,lat,lon') throw new Error('unexpected county CSV header');
  return lines.map((line) => {
    const [fips, name, seat, circuit, lat, lon] = line.split(',');
    return {
      fips: fips!,
      name: name!,
      seat: seat!,
      circuit: Number(circuit),
      lat: Number(lat),
      lon: Number(lon),
    };
  });
}

/** Great-circle distance in miles between two internal points (haversine, Earth radius 3958.8 mi). */
function miles(a: CountyRow, b: CountyRow): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 3958.8 * Math.asin(Math.sqrt(h));
}

export async function up(db: Kysely<any>): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  // Sort keys compare byte by byte on both databases, so keyset pages are identical.
  const sortText = sql.raw(isPg ? 'text collate "C"' : 'text');
  const hours = sql.raw(isPg ? 'double precision' : 'real');

  await db.schema
    .createTable('mo_counties')
    .addColumn('fips', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('county_seat', 'text', (c) => c.notNull())
    .addColumn('circuit', 'integer', (c) => c.notNull())
    .addColumn('lat', hours, (c) => c.notNull())
    .addColumn('lon', hours, (c) => c.notNull())
    .execute();
  // Every ordered pair of counties: miles (rounded, for display) and rank, the position of `to`
  // among all counties by distance from `from` (0 = itself). Ordering by rank is exact and the
  // same on both databases; "nearest" walks ranks outwards.
  await db.schema
    .createTable('mo_county_distances')
    .addColumn('from_fips', 'text', (c) => c.notNull())
    .addColumn('to_fips', 'text', (c) => c.notNull())
    .addColumn('miles', 'integer', (c) => c.notNull())
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('mo_county_distances_pk', ['from_fips', 'to_fips'])
    .execute();
  await db.schema
    .createIndex('mo_county_distances_rank')
    .on('mo_county_distances')
    .columns(['from_fips', 'rank'])
    .unique()
    .execute();

  const counties = readCounties();
  await db
    .insertInto('mo_counties')
    .values(
      counties.map((c) => ({
        fips: c.fips,
        name: c.name,
        county_seat: c.seat,
        circuit: c.circuit,
        lat: c.lat,
        lon: c.lon,
      })),
    )
    .execute();
  for (const from of counties) {
    const ordered = counties
      .map((to) => ({ to, d: from === to ? 0 : miles(from, to) }))
      .sort((x, y) => x.d - y.d || x.to.fips.localeCompare(y.to.fips));
    await db
      .insertInto('mo_county_distances')
      .values(
        ordered.map((o, rank) => ({
          from_fips: from.fips,
          to_fips: o.to.fips,
          miles: Math.round(o.d),
          rank,
        })),
      )
      .execute();
  }

  // One profile per person. Lists (areas, languages, counties, employers) are JSON text; the
  // derived columns below are written only by the directory service from domain/ functions:
  // eligibility is computed from the training record, never typed.
  await db.schema
    .createTable('directory_profiles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().unique().references('users.id').onDelete('cascade'))
    .addColumn('search_rowid', 'integer', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('practice_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('bio', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('photo_file_id', 'text')
    .addColumn('areas', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('languages', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('counties', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('statewide', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('in_person', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('remote', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('hourly_rate', 'integer')
    .addColumn('sliding_scale', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('free_service', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('accepting_cases', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('years_practice', 'integer')
    .addColumn('contact_preference', 'text', (c) => c.notNull().defaultTo('form'))
    .addColumn('phone', 'text')
    .addColumn('website', 'text')
    .addColumn('employers', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('employer_keys', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(1))
    // The qualification record beside the courses.
    .addColumn('degrees', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('bar_admissions', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('credentials_verified_at', 'text')
    .addColumn('credentials_verified_by', 'text')
    .addColumn('affidavit_file_id', 'text')
    .addColumn('affidavit_verified_at', 'text')
    .addColumn('affidavit_verified_by', 'text')
    .addColumn('special_ed_admitted_at', 'text')
    .addColumn('special_ed_admitted_by', 'text')
    .addColumn('federal_ed_at', 'text')
    .addColumn('federal_wd_at', 'text')
    // Computed by domain/eligibility.ts whenever the record changes.
    .addColumn('elig_rule17', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('elig_rule88', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('elig_special_education', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('elig_federal_ed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('elig_federal_wd', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('verified_hours', hours, (c) => c.notNull().defaultTo(0))
    // Search: normalised words and facet tokens (domain/directory-search.ts), the portable
    // relevance order key and the name key; both compared byte by byte.
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(' '))
    .addColumn('facets', 'text', (c) => c.notNull().defaultTo(' '))
    .addColumn('sort_score', sortText, (c) => c.notNull())
    .addColumn('name_key', sortText, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('directory_profiles_relevance')
    .on('directory_profiles')
    .columns(['sort_score', 'name_key', 'id'])
    .execute();
  await db.schema
    .createIndex('directory_profiles_name')
    .on('directory_profiles')
    .columns(['name_key', 'id'])
    .execute();

  // Counties served, one row each ('all' for statewide), for the nearest-first walk.
  await db.schema
    .createTable('directory_profile_counties')
    .addColumn('profile_id', 'text', (c) =>
      c.notNull().references('directory_profiles.id').onDelete('cascade'),
    )
    .addColumn('fips', 'text', (c) => c.notNull())
    .addColumn('name_key', sortText, (c) => c.notNull())
    .addPrimaryKeyConstraint('directory_profile_counties_pk', ['profile_id', 'fips'])
    .execute();
  await db.schema
    .createIndex('directory_profile_counties_walk')
    .on('directory_profile_counties')
    .columns(['fips', 'name_key', 'profile_id'])
    .execute();

  if (isPg) {
    // Generated tsvectors over text already normalised by the application ('simple' config: no
    // stemming), so PostgreSQL and SQLite see the same tokens.
    await sql`alter table directory_profiles
      add column search_tsv tsvector generated always as (to_tsvector('simple'::regconfig, search_text)) stored,
      add column facets_tsv tsvector generated always as (to_tsvector('simple'::regconfig, facets)) stored`.execute(
      db,
    );
    await sql`create index directory_profiles_search_tsv on directory_profiles using gin (search_tsv)`.execute(
      db,
    );
    await sql`create index directory_profiles_facets_tsv on directory_profiles using gin (facets_tsv)`.execute(
      db,
    );
  } else {
    // External-content FTS5 kept in step by triggers; rowid = search_rowid.
    await sql`create virtual table directory_fts using fts5(
      search_text, facets, content='directory_profiles', content_rowid='search_rowid',
      tokenize='unicode61', prefix='2 3', detail='column')`.execute(db);
    await sql`create trigger directory_profiles_fts_ai after insert on directory_profiles begin
      insert into directory_fts(rowid, search_text, facets) values (new.search_rowid, new.search_text, new.facets);
    end`.execute(db);
    await sql`create trigger directory_profiles_fts_ad after delete on directory_profiles begin
      insert into directory_fts(directory_fts, rowid, search_text, facets)
        values ('delete', old.search_rowid, old.search_text, old.facets);
    end`.execute(db);
    await sql`create trigger directory_profiles_fts_au after update of search_text, facets on directory_profiles begin
      insert into directory_fts(directory_fts, rowid, search_text, facets)
        values ('delete', old.search_rowid, old.search_text, old.facets);
      insert into directory_fts(rowid, search_text, facets) values (new.search_rowid, new.search_text, new.facets);
    end`.execute(db);
  }

  // Training courses. hours may be fractional (a 1.5-hour webinar).
  await db.schema
    .createTable('directory_courses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('profile_id', 'text', (c) =>
      c.notNull().references('directory_profiles.id').onDelete('cascade'),
    )
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('course_date', 'text', (c) => c.notNull())
    .addColumn('hours', hours, (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('certificate_file_id', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_ref', 'text')
    .addColumn('verified_at', 'text')
    .addColumn('verified_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('directory_courses_profile')
    .on('directory_courses')
    .columns(['profile_id', 'course_date'])
    .execute();
  await db.schema
    .createIndex('directory_courses_unverified')
    .on('directory_courses')
    .columns(['verified_at', 'created_at'])
    .execute();
  // An attendance recorded twice (a retried job) writes one course.
  await db.schema
    .createIndex('directory_courses_source_ref')
    .on('directory_courses')
    .columns(['profile_id', 'source', 'source_ref'])
    .unique()
    .execute();

  // Contact-form messages, kept to throttle per address and per mediator across servers.
  await db.schema
    .createTable('directory_contact_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('profile_id', 'text', (c) =>
      c.notNull().references('directory_profiles.id').onDelete('cascade'),
    )
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('directory_contact_messages_ip')
    .on('directory_contact_messages')
    .columns(['ip', 'created_at'])
    .execute();
  await db.schema
    .createIndex('directory_contact_messages_profile')
    .on('directory_contact_messages')
    .columns(['profile_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  if (!isPg) await sql`drop table if exists directory_fts`.execute(db);
  for (const t of [
    'directory_contact_messages',
    'directory_courses',
    'directory_profile_counties',
    'directory_profiles',
    'mo_county_distances',
    'mo_counties',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
