import type { Insertable } from 'kysely';
import { z } from 'zod';
import type { Executor } from '../../db/database.ts';
import { jsonColumn } from '../../db/json-column.ts';
import type { CaseDocumentsTable, SignaturesTable } from '../../db/tables/cases.ts';

// A case's documents (each version with its fingerprint) and the signatures on them. Decides nothing.

export type DocumentRow = CaseDocumentsTable;

/** A version's text in the other languages, each with its own fingerprint. */
export const translationsColumn = jsonColumn(
  'case_documents',
  'translations',
  z.record(z.string(), z.object({ title: z.string(), body: z.string(), sha256: z.string() })),
);

export const latestVersion = async (db: Executor, caseId: string, kind: string) =>
  (
    await db
      .selectFrom('case_documents')
      .select('version')
      .where('case_id', '=', caseId)
      .where('kind', '=', kind)
      .orderBy('version', 'desc')
      .executeTakeFirst()
  )?.version ?? 0;

/** Marks the current version of a kind of document superseded. */
export const supersedeCurrent = (db: Executor, caseId: string, kind: string, at: string) =>
  db
    .updateTable('case_documents')
    .set({ status: 'superseded', superseded_at: at })
    .where('case_id', '=', caseId)
    .where('kind', '=', kind)
    .where('status', '=', 'current')
    .execute();

export const insertDocument = (db: Executor, row: DocumentRow) =>
  db.insertInto('case_documents').values(row).execute();

export const findCurrentDocument = (db: Executor, caseId: string, kind: string) =>
  db
    .selectFrom('case_documents')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('kind', '=', kind)
    .where('status', '=', 'current')
    .executeTakeFirst();

/** One version of a kind of document, current or not. */
export const findDocumentVersion = (db: Executor, caseId: string, kind: string, version: number) =>
  db
    .selectFrom('case_documents')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('kind', '=', kind)
    .where('version', '=', version)
    .executeTakeFirst();

/** The text of some versions of a kind of document (for showing differences). */
export const listVersionTexts = (db: Executor, caseId: string, kind: string, versions: readonly number[]) =>
  db
    .selectFrom('case_documents')
    .select(['version', 'body'])
    .where('case_id', '=', caseId)
    .where('kind', '=', kind)
    .where('version', 'in', [...versions])
    .execute();

export const listSignatures = (db: Executor, documentId: string) =>
  db
    .selectFrom('signatures')
    .selectAll()
    .where('document_id', '=', documentId)
    .orderBy('signed_at')
    .execute();

export const hasSigned = async (db: Executor, documentId: string, userId: string) =>
  Boolean(
    await db
      .selectFrom('signatures')
      .select('id')
      .where('document_id', '=', documentId)
      .where('signer_user_id', '=', userId)
      .executeTakeFirst(),
  );

export const insertSignature = (db: Executor, row: Insertable<SignaturesTable>) =>
  db.insertInto('signatures').values(row).execute();

/** Every signature a person made, on any case's document (their data export). */
export const listSignaturesBy = (db: Executor, userId: string) =>
  db
    .selectFrom('signatures as s')
    .innerJoin('case_documents as d', 'd.id', 's.document_id')
    .select([
      's.case_id',
      'd.kind as document_kind',
      'd.title as document_title',
      'd.version as document_version',
      's.signer_name',
      's.signer_capacity',
      's.method',
      's.intent_statement',
      's.document_sha256',
      's.document_language',
      's.signed_at',
      's.ip',
      's.user_agent',
    ])
    .where('s.signer_user_id', '=', userId)
    .orderBy('s.signed_at')
    .execute();
