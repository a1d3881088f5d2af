import type { Kysely } from 'kysely';

// Talking and sharing inside a case. Messages: each in one of the case's fixed conversations
// (a side with the mediators, the mediators, the mediators with the program, everyone), its words
// sealed under the case's key; the all-participants conversation exists only once the mediator
// opens it. Documents: who uploaded it and who sees it (the mediators only, or everyone at the
// table), a request to share it more widely that its uploader answers, and its versions, each
// naming its stored file (bytes sealed under the case's key) with its name sealed too.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('case_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('thread', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('body_enc', 'text', (c) => c.notNull())
    .addColumn('document_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('case_messages_thread')
    .on('case_messages')
    .columns(['case_id', 'thread', 'created_at'])
    .execute();
  await db.schema.createIndex('case_messages_author').on('case_messages').columns(['author_id']).execute();
  await db.schema
    .createTable('case_threads')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('thread', 'text', (c) => c.notNull())
    .addColumn('opened_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_threads_pk', ['case_id', 'thread'])
    .execute();
  await db.schema
    .createTable('folder_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('uploader_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('share_asked_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('share_asked_at', 'text')
    .addColumn('share_answer', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('folder_documents_case').on('folder_documents').columns(['case_id']).execute();
  await db.schema
    .createIndex('folder_documents_uploader')
    .on('folder_documents')
    .columns(['uploader_id'])
    .execute();
  await db.schema
    .createTable('folder_document_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) =>
      c.notNull().references('folder_documents.id').onDelete('cascade'),
    )
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('file_id', 'text', (c) => c.notNull())
    .addColumn('name_enc', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('folder_document_versions_number', ['document_id', 'version'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('folder_document_versions').execute();
  await db.schema.dropTable('folder_documents').execute();
  await db.schema.dropTable('case_threads').execute();
  await db.schema.dropTable('case_messages').execute();
}
