import type { Kysely } from 'kysely';

// Cases up to "ready to schedule": the case, its people, screening, mediator picks, requests to
// disqualify, confidentiality exceptions, and signed documents with their signatures (the same
// two tables carry the written settlement agreement later). Portable SQL: text ids, ISO-8601 UTC
// text timestamps, 0/1 flags, JSON as text.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id'))
    .addColumn('rule_pack', 'text', (c) => c.notNull())
    .addColumn('rule_pack_version', 'text', (c) => c.notNull())
    .addColumn('case_type', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    // Intake answers as JSON: student, district, categories, court, case number, issues…
    .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('requested_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('opt_out_requested_at', 'text')
    .addColumn('consented_at', 'text')
    .addColumn('screening_decision', 'text')
    .addColumn('safeguards', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('mediator_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('mediator_status', 'text')
    .addColumn('mediator_offered_at', 'text')
    .addColumn('mediator_chosen_at', 'text')
    .addColumn('mediator_disclosure', 'text')
    .addColumn('selection_method', 'text')
    .addColumn('declined_mediators', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('ready_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('close_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cases_program_state').on('cases').columns(['program_id', 'state']).execute();
  await db.schema.createIndex('cases_mediator').on('cases').column('mediator_id').execute();

  // side: 'requester' or 'respondent'. Contact details (address, phone) are shown to the person's
  // own side, the mediator and coordinators only; hide_contact also keeps the e-mail from the other side.
  await db.schema
    .createTable('case_participants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('organization', 'text')
    .addColumn('address', 'text')
    .addColumn('phone', 'text')
    .addColumn('is_attorney', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('hide_contact', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('agreed_to_more_companions', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('invitation_id', 'text')
    .addColumn('added_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_participants_case').on('case_participants').column('case_id').execute();
  await db.schema.createIndex('case_participants_user').on('case_participants').column('user_id').execute();

  // Confidential: read only by that party, the mediator and the screening coordinator.
  await db.schema
    .createTable('screening_responses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('participant_id', 'text', (c) =>
      c.notNull().references('case_participants.id').onDelete('cascade'),
    )
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('flags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('screening_one_per_participant', ['participant_id'])
    .execute();

  await db.schema
    .createTable('mediator_picks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('mediator_ids', 'text', (c) => c.notNull())
    .addColumn('picked_by', 'text', (c) => c.notNull())
    .addColumn('picked_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('mediator_picks_case_side', ['case_id', 'side'])
    .execute();

  await db.schema
    .createTable('disqualification_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('mediator_id', 'text', (c) => c.notNull())
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('deny_by', 'text')
    .addColumn('denied_at', 'text')
    .addColumn('denied_by', 'text')
    .addColumn('denial_reason', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text')
    .execute();

  // Kept apart from the confidential screening record; readable by the mediator and coordinators.
  await db.schema
    .createTable('confidentiality_exceptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('reported_to', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();

  // A document parties sign: its exact text and that text's SHA-256. kind: agreement_to_mediate,
  // and later the written settlement agreement. A new version supersedes the old.
  await db.schema
    .createTable('case_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('superseded_at', 'text')
    .execute();
  await db.schema
    .createIndex('case_documents_case')
    .on('case_documents')
    .columns(['case_id', 'kind'])
    .execute();

  await db.schema
    .createTable('signatures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.notNull().references('case_documents.id').onDelete('cascade'))
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('signer_user_id', 'text', (c) => c.notNull())
    .addColumn('participant_id', 'text')
    .addColumn('signer_name', 'text', (c) => c.notNull())
    .addColumn('signer_capacity', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('intent_statement', 'text', (c) => c.notNull())
    .addColumn('consented_to_electronic', 'integer', (c) => c.notNull())
    .addColumn('authentication', 'text', (c) => c.notNull())
    .addColumn('document_sha256', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .addUniqueConstraint('signatures_document_signer', ['document_id', 'signer_user_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'signatures',
    'case_documents',
    'confidentiality_exceptions',
    'disqualification_requests',
    'mediator_picks',
    'screening_responses',
    'case_participants',
    'cases',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
