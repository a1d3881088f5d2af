import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LANDED_MIGRATIONS } from './landed-migrations.ts';
import { migrationOrderProblems, newMigrationName } from './migration-names.ts';

const folder = readdirSync(fileURLToPath(new URL('migrations', import.meta.url)))
  .filter((file) => file.endsWith('.ts'))
  .map((file) => file.replace(/\.ts$/, ''));

const landed = [
  '2026-11-21-0001-foundation',
  '2026-11-21-0070-totp-last-step',
  '2026-11-26-1100-cases-courts',
];

describe('migration names', () => {
  it('keep every landed migration, and put new ones after them', () => {
    expect(migrationOrderProblems(folder, LANDED_MIGRATIONS)).toEqual([]);
  });

  it('are made from the time of creation', () => {
    expect(newMigrationName(new Date('2026-11-26T14:05:59Z'), 'library-tags')).toBe(
      '2026-11-26-1405-library-tags',
    );
    expect(() => newMigrationName(new Date(), 'Library tags')).toThrow(/lower-case/);
  });

  it('refuse a new migration that sorts before a landed one, a renamed landed one, and a hand-made name', () => {
    expect(migrationOrderProblems([...landed, '2026-11-27-0930-events-rooms'], landed)).toEqual([]);
    expect(migrationOrderProblems([...landed, '2026-11-25-0930-events-rooms'], landed)).toEqual([
      '2026-11-25-0930-events-rooms sorts before 2026-11-26-1100-cases-courts, which has landed: rename it to now (npm run db:migration)',
    ]);
    expect(
      migrationOrderProblems(
        ['2026-11-21-0001-foundation', '2026-11-21-0071-totp', '2026-11-26-1100-cases-courts'],
        landed,
      ),
    ).toEqual([
      '2026-11-21-0070-totp-last-step has landed: it may not be renamed or removed',
      '2026-11-21-0071-totp is not named YYYY-MM-DD-HHMM-<area>-<what> by its creation time (npm run db:migration)',
    ]);
    expect(migrationOrderProblems([...landed, '2026-11-27-events'], landed)).toHaveLength(1);
    expect(migrationOrderProblems(landed, [landed[1]!, landed[0]!])).toEqual([
      '2026-11-21-0001-foundation is listed after 2026-11-21-0070-totp-last-step but sorts before it',
    ]);
  });
});
