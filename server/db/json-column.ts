import type { z } from 'zod';

/**
 * JSON held in a text column, read and written through one zod schema in the owning repository.
 * A stored value the schema does not accept is a fault in Parley or in the database, not a
 * person's mistake: reading it throws an error naming the table, the column and the path inside
 * the value (never the value itself, which may be confidential), instead of carrying on with `{}`.
 */
export class StoredJsonError extends Error {
  constructor(table: string, column: string, problem: string) {
    super(`${table}.${column} holds a value Parley cannot read: ${problem}`);
    this.name = 'StoredJsonError';
  }
}

export type JsonColumn<T extends z.ZodType, C extends string = string> = {
  /** The stored text as its value; throws StoredJsonError when the text is not what the schema says. */
  read(text: string): z.output<T>;
  /** The value as the text to store; a value the schema refuses is never written. */
  write(value: z.input<T>): string;
  /**
   * The column's part of a change: `{ [column]: text }` when the change gives a value, nothing when
   * it leaves the column out (undefined or null), so an update touches only what it names.
   */
  change(value: z.input<T> | null | undefined): { [K in C]?: string };
};

export function jsonColumn<T extends z.ZodType, C extends string>(
  table: string,
  column: C,
  schema: T,
): JsonColumn<T, C> {
  const check = (value: unknown): z.output<T> => {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    const issue = result.error.issues[0];
    const at = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    throw new StoredJsonError(table, column, `${issue?.message ?? 'not valid'}${at}`);
  };
  const write = (value: z.input<T>) => JSON.stringify(check(value));
  return {
    read(text) {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        throw new StoredJsonError(table, column, 'not JSON');
      }
      return check(value);
    },
    write,
    change(value) {
      return value == null ? {} : ({ [column]: write(value) } as { [K in C]?: string });
    },
  };
}
