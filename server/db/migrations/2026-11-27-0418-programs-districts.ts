import type { Kysely } from 'kysely';

// A special-education program's list of school districts, each with the address its requests for
// mediation go to, kept by the program's coordinators: a parent chooses their district from it
// instead of guessing whom to invite.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('program_districts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('program_districts_name')
    .on('program_districts')
    .columns(['program_id', 'name'])
    .unique()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('program_districts').execute();
}
