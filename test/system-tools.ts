// `node test/system-tools.ts browser|postgres` — makes sure the tools a test tier needs exist
// before that tier runs, so `npm install && npm test` works on a fresh machine.
//
//   browser   Chromium (with fonts-liberation) for the journeys, and poppler-utils, whose
//             pdftotext the integration tests and journeys use to read the PDFs Parley makes.
//   postgres  a reachable PostgreSQL for `npm run test:pg`, with the database the tests use, and
//             pg_dump and pg_restore of at least the server's major version (the backup tests).
//
// Where a tool is missing and this user may install packages (root, or passwordless sudo, on
// Debian or Ubuntu), it installs them with apt-get and says so in one line. Elsewhere it stops
// with one message naming the packages and the command to run. `.ci/run` calls the same script.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** Where the journeys find Chromium: CHROMIUM_PATH, else Debian's package (as playwright.config.ts). */
const chromiumPath = () => process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const onPath = (command: string) =>
  spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

const isDebian = () => existsSync('/etc/debian_version') && onPath('apt-get');

/** How this user may run apt-get: directly as root, through passwordless sudo, or not at all. */
function installer(): string[] | null {
  if (!isDebian()) return null;
  if (process.getuid?.() === 0) return [];
  if (onPath('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0)
    return ['sudo', '-n'];
  return null;
}

function run(prefix: string[], command: string, args: string[]) {
  const [head, ...rest] = [...prefix, command, ...args];
  execFileSync(head!, rest, {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

function stop(lines: string[]): never {
  console.error(lines.join('\n'));
  process.exit(1);
}

function ensurePackages(missing: { what: string; packages: string[] }[], hint: string[]) {
  if (missing.length === 0) return;
  const packages = missing.flatMap((m) => m.packages);
  const names = missing.map((m) => m.what).join(' and ');
  const prefix = installer();
  if (!prefix) {
    stop([
      `The integration and browser tests need ${names}, which this machine does not have, and this user cannot install packages.`,
      `On Debian or Ubuntu, run as root:  apt-get update && apt-get install -y ${packages.join(' ')}`,
      ...hint,
      'Then run `npm test` again.',
    ]);
  }
  console.info(`test: installing ${packages.join(' ')} with apt-get (needed by the tests: ${names})`);
  run(prefix, 'apt-get', ['update', '-qq']);
  run(prefix, 'apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages]);
}

function ensureBrowserTools() {
  const missing: { what: string; packages: string[] }[] = [];
  const customChromium = Boolean(process.env.CHROMIUM_PATH);
  if (!existsSync(chromiumPath())) {
    if (customChromium) {
      stop([`CHROMIUM_PATH is ${chromiumPath()}, but there is no program there.`]);
    }
    missing.push({ what: 'Chromium', packages: ['chromium', 'fonts-liberation'] });
  }
  if (!onPath('pdftotext')) missing.push({ what: 'pdftotext', packages: ['poppler-utils'] });
  ensurePackages(missing, [
    'Elsewhere, install Chromium and poppler (pdftotext) with your system’s package manager,',
    'and set CHROMIUM_PATH to the Chromium program if it is not /usr/bin/chromium.',
  ]);
}

const PG_URL = () =>
  process.env.DATABASE_URL?.startsWith('postgres')
    ? process.env.DATABASE_URL
    : 'postgres://postgres@127.0.0.1:5432/test';

async function reachable(url: string): Promise<boolean> {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** The local cluster (Debian's pg_lsclusters) that listens on this port, if one is installed. */
function localCluster(port: number): { version: string; name: string; online: boolean } | null {
  if (!onPath('pg_lsclusters')) return null;
  const listing = spawnSync('pg_lsclusters', ['-h'], { encoding: 'utf8' }).stdout ?? '';
  for (const line of listing.split('\n')) {
    const [version, name, clusterPort, status] = line.trim().split(/\s+/);
    if (version && name && Number(clusterPort) === port)
      return { version, name, online: status === 'online' };
  }
  return null;
}

/** The server's major version, e.g. 15. */
async function serverMajor(url: string): Promise<number> {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    const row = await client.query<{ n: string }>("select current_setting('server_version_num') as n");
    return Math.floor(Number(row.rows[0]?.n) / 10000);
  } finally {
    await client.end().catch(() => {});
  }
}

const toolMajor = (tool: string) =>
  Number(/(\d+)/.exec(spawnSync(tool, ['--version'], { encoding: 'utf8' }).stdout ?? '')?.[1] ?? 0);

/** pg_dump and pg_restore as new as the server: an older pg_dump refuses a newer server. */
async function ensurePostgresClient(url: string) {
  const major = await serverMajor(url);
  if (toolMajor('pg_dump') >= major && toolMajor('pg_restore') >= major) return;
  ensurePackages(
    [{ what: `pg_dump and pg_restore ${major}`, packages: [`postgresql-client-${major}`] }],
    [`Elsewhere, install the PostgreSQL ${major} client tools and put them first on PATH.`],
  );
}

async function ensurePostgres() {
  const url = PG_URL();
  if (await reachable(url)) return ensurePostgresClient(url);
  const target = new URL(url);
  const local = ['127.0.0.1', 'localhost', '[::1]', ''].includes(target.hostname);
  const cluster = local ? localCluster(Number(target.port || 5432)) : null;
  const prefix = installer();
  if (cluster && prefix) {
    const { version, name } = cluster;
    if (!cluster.online) {
      console.info(
        `test: starting the local PostgreSQL cluster ${version}/${name} (needed by npm run test:pg)`,
      );
      // The tests connect as postgres over TCP without a password, as on the development machines.
      const hba = `/etc/postgresql/${version}/${name}/pg_hba.conf`;
      const trust = 'host all all 127.0.0.1/32 trust';
      if (spawnSync('grep', ['-q', `^${trust}`, hba]).status !== 0)
        run(prefix, 'sed', ['-i', `1i ${trust}`, hba]);
      try {
        run(prefix, 'pg_ctlcluster', ['--skip-systemctl-redirect', version, name, 'start']);
      } catch {
        run(prefix, 'pg_ctlcluster', [version, name, 'start']);
      }
    }
    const server = new URL(url);
    server.pathname = '/postgres';
    // Wait for the server to accept connections (it takes a second or two after starting).
    for (let i = 0; i < 30 && !(await reachable(server.toString())); i++) await sleep(1000);
    await createDatabase(url, target.pathname.slice(1) || 'postgres');
    if (await reachable(url)) return ensurePostgresClient(url);
  }
  stop([
    `npm run test:pg needs a PostgreSQL it can reach at ${target.host || 'the local socket'} (database "${target.pathname.slice(1)}"), and none answers.`,
    local && !cluster
      ? 'No local PostgreSQL cluster listens on that port (on Debian or Ubuntu: apt-get install -y postgresql).'
      : local && !prefix
        ? `A local cluster is installed but this user cannot start it (as root: pg_ctlcluster ${cluster?.version} ${cluster?.name} start).`
        : 'Check that the server is running and accepts this user.',
    'Or set DATABASE_URL to a PostgreSQL you can use, for example:',
    '  DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run test:pg',
    'The tests make a schema of their own in that database for each file and drop it afterwards.',
  ]);
}

/** The tests' database, made if the server has no such database yet. */
async function createDatabase(url: string, database: string) {
  const pg = (await import('pg')).default;
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`create database "${database.replaceAll('"', '""')}"`);
  } catch {
    // reported by the caller: the database is still not reachable
  } finally {
    await client.end().catch(() => {});
  }
}

const tier = process.argv[2];
if (tier === 'browser') ensureBrowserTools();
else if (tier === 'postgres') await ensurePostgres();
else stop(['Usage: node test/system-tools.ts browser|postgres']);
