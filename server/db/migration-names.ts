/**
 * Migration names sort by the time they were created: `YYYY-MM-DD-HHMM-<area>-<what>` in UTC
 * (`npm run db:migration -- <area>-<what>` makes one). The migrator applies them in name order
 * and records each name in the database, so a landed migration is never renamed, and a new one
 * must sort after every landed one: a database that already ran them would refuse it otherwise.
 */

export const MIGRATION_NAME = /^(\d{4})-(\d{2})-(\d{2})-(\d{2})(\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The name a migration created now gets. */
export function newMigrationName(now: Date, slug: string): string {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug))
    throw new Error(`Name the migration with lower-case words and hyphens, like "cases-court-referrals".`);
  const stamp = now.toISOString(); // 2026-11-26T11:18:00.000Z
  return `${stamp.slice(0, 10)}-${stamp.slice(11, 13)}${stamp.slice(14, 16)}-${slug}`;
}

/** A name whose date and time are real ones (so it can stand for when it was made). */
function isTimestamped(name: string): boolean {
  const m = MIGRATION_NAME.exec(name);
  if (!m) return false;
  const [, year, month, day, hour, minute] = m.map(Number) as number[];
  const date = new Date(Date.UTC(year!, month! - 1, day!, hour!, minute!));
  return date.getUTCMonth() === month! - 1 && date.getUTCDate() === day! && hour! < 24 && minute! < 60;
}

/**
 * What is wrong with the migrations folder, given the names that have landed: a landed one
 * missing (renamed or deleted), landed ones out of order, or a new one that is not named by its
 * creation time or sorts before a landed one.
 */
export function migrationOrderProblems(folder: readonly string[], landed: readonly string[]): string[] {
  const problems: string[] = [];
  for (const name of landed)
    if (!folder.includes(name)) problems.push(`${name} has landed: it may not be renamed or removed`);
  for (let i = 1; i < landed.length; i++)
    if (landed[i - 1]! >= landed[i]!)
      problems.push(`${landed[i]} is listed after ${landed[i - 1]} but sorts before it`);
  const last = [...landed].sort().at(-1) ?? '';
  for (const name of folder.filter((n) => !landed.includes(n))) {
    if (!isTimestamped(name))
      problems.push(
        `${name} is not named YYYY-MM-DD-HHMM-<area>-<what> by its creation time (npm run db:migration)`,
      );
    else if (name <= last)
      problems.push(
        `${name} sorts before ${last}, which has landed: rename it to now (npm run db:migration)`,
      );
  }
  return problems;
}
