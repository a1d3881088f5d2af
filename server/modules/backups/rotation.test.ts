import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupName, backupsToKeep, backupTime, rotateBackups } from './rotation.ts';

/** One backup a day at 02:00 UTC, and a second one at 14:00 on some days, from `from` for `days` days. */
function history(from: string, days: number, twiceOn: number[] = []) {
  const names: string[] = [];
  for (let d = 0; d < days; d++) {
    const day = new Date(Date.parse(from) + d * 86_400_000);
    names.push(backupName(new Date(day.getTime() + 2 * 3_600_000)));
    if (twiceOn.includes(d)) names.push(backupName(new Date(day.getTime() + 14 * 3_600_000)));
  }
  return names;
}

describe('backup rotation', () => {
  it('names files by their UTC time and reads the time back', () => {
    const at = new Date('2026-11-26T02:03:04.567Z');
    expect(backupName(at)).toBe('parley-20261126T020304Z.backup');
    expect(backupName(at, 'pre-restore')).toBe('parley-20261126T020304Z-pre-restore.backup');
    expect(backupTime(backupName(at))?.toISOString()).toBe('2026-11-26T02:03:04.000Z');
    expect(backupTime(backupName(at, 'pre-restore'))).toBeNull();
  });

  it('keeps the newest of each of the last N days and of each of the last M weeks', () => {
    // 40 days from Monday 2 November 2026 to Friday 11 December; two backups on day 39.
    const names = history('2026-11-02T00:00:00Z', 40, [39]);
    const kept = [...backupsToKeep(names, { daily: 3, weekly: 4 })].sort();
    expect(kept).toEqual([
      'parley-20261122T020000Z.backup', // Sunday: the newest of the week of 16 November
      'parley-20261129T020000Z.backup', // Sunday: the newest of the week of 23 November
      'parley-20261206T020000Z.backup', // Sunday: the newest of the week of 30 November
      'parley-20261209T020000Z.backup', // the last three days ...
      'parley-20261210T020000Z.backup',
      'parley-20261211T140000Z.backup', // ... of which the newest of the day (also this week's)
    ]);
  });

  it('keeps everything while there are fewer days than it keeps, and only its own names', () => {
    const names = [
      ...history('2026-11-20T00:00:00Z', 3),
      'parley-20261101T000000Z-pre-restore.backup',
      'notes.txt',
    ];
    expect(backupsToKeep(names, { daily: 7, weekly: 0 }).size).toBe(3);
  });

  it('removes from the folder what it does not keep, and nothing else', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'parley-rotation-'));
    try {
      const names = history('2026-11-02T00:00:00Z', 20);
      const others = [
        'parley-20261101T000000Z-pre-restore.backup',
        'README.txt',
        'parley-20261120T020000Z.backup.partial',
      ];
      for (const n of [...names, ...others]) writeFileSync(path.join(dir, n), '');
      const removed = await rotateBackups(dir, { daily: 2, weekly: 1 });
      expect(removed).toHaveLength(18);
      expect(readdirSync(dir).sort()).toEqual(
        [...others, 'parley-20261120T020000Z.backup', 'parley-20261121T020000Z.backup'].sort(),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
