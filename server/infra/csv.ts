import { stringify } from 'csv-stringify/sync';

/**
 * A CSV file Parley writes (a report, an export of a list): a header row, then the rows, with
 * quoting by csv-stringify. A cell that a spreadsheet would read as a formula (it starts with =, +,
 * -, @ or a tab) is written with a leading apostrophe, so a name typed into Parley can never run
 * as one.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]) {
  const safe = (cell: string | number | null) =>
    typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : (cell ?? '');
  return stringify([header.map(safe), ...rows.map((row) => row.map(safe))], { record_delimiter: '\r\n' });
}

/** A list downloaded as CSV: the file, named for the list and the day (`members-2026-11-27.csv`). */
export const csvDownload = (
  name: string,
  now: Date,
  header: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
) => ({
  data: toCsv(header, rows),
  filename: `${name}-${now.toISOString().slice(0, 10)}.csv`,
  contentType: 'text/csv',
});
