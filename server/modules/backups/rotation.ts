import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Which backups to keep: the newest of each of the last `daily` days that have one, and the
 * newest of each of the last `weekly` weeks (Monday to Sunday) that have one — the rule restic
 * and borg call keep-daily and keep-weekly. Days and weeks are UTC. Only files named as
 * `npm run backup` names them take part; a backup taken before a restore (`-pre-restore`) is
 * never removed by rotation.
 */
export type Retention = { daily: number; weekly: number };

const NAME = /^parley-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z\.backup$/;

/** The name of a scheduled or manual backup made at `at`. */
export const backupName = (at: Date, label?: string): string =>
  `parley-${at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')}${label ? `-${label}` : ''}.backup`;

export function backupTime(name: string): Date | null {
  const m = NAME.exec(name);
  return m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!)) : null;
}

const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const weekOf = (d: Date) => dayOf(new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * 86_400_000));

/** The names to keep among `names`; the others may go. */
export function backupsToKeep(names: string[], retention: Retention): Set<string> {
  const dated = names
    .map((name) => ({ name, at: backupTime(name) }))
    .filter((b): b is { name: string; at: Date } => b.at !== null)
    .sort((a, b) => b.at.getTime() - a.at.getTime());
  const keep = new Set<string>();
  for (const [count, periodOf] of [
    [retention.daily, dayOf],
    [retention.weekly, weekOf],
  ] as const) {
    const periods = new Set<string>();
    for (const b of dated) {
      const period = periodOf(b.at);
      if (periods.has(period)) continue;
      if (periods.size === count) break;
      periods.add(period);
      keep.add(b.name);
    }
  }
  return keep;
}

/** Removes the backups in `dir` that the retention no longer keeps; returns their names. */
export async function rotateBackups(dir: string, retention: Retention): Promise<string[]> {
  const names = await readdir(dir);
  const keep = backupsToKeep(names, retention);
  const removed = names.filter((n) => backupTime(n) !== null && !keep.has(n)).sort();
  for (const name of removed) await rm(path.join(dir, name), { force: true });
  return removed;
}
