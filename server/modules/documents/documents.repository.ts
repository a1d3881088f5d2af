import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { CaseDocumentsTable, CaseDocumentVersionsTable } from '../../db/tables/talk.ts';

// A case's document folder: the documents, who sees each, and their versions (each naming its
// stored file, its name sealed). Decides nothing.

export const listDocuments = (db: Executor, caseId: string) =>
  db
    .selectFrom('folder_documents')
    .leftJoin('users', 'users.id', 'folder_documents.uploader_id')
    .selectAll('folder_documents')
    .select('users.name as uploader_name')
    .where('folder_documents.case_id', '=', caseId)
    .orderBy('folder_documents.created_at')
    .orderBy('folder_documents.id')
    .execute();
export type DocumentRow = Awaited<ReturnType<typeof listDocuments>>[number];

export const findDocument = (db: Executor, caseId: string, documentId: string) =>
  db
    .selectFrom('folder_documents')
    .leftJoin('users', 'users.id', 'folder_documents.uploader_id')
    .selectAll('folder_documents')
    .select('users.name as uploader_name')
    .where('folder_documents.case_id', '=', caseId)
    .where('folder_documents.id', '=', documentId)
    .executeTakeFirst();

export const listVersions = (db: Executor, documentIds: readonly string[]) =>
  documentIds.length
    ? db
        .selectFrom('folder_document_versions')
        .leftJoin('users', 'users.id', 'folder_document_versions.uploaded_by')
        .selectAll('folder_document_versions')
        .select('users.name as uploader_name')
        .where('folder_document_versions.document_id', 'in', [...documentIds])
        .orderBy('folder_document_versions.version', 'desc')
        .execute()
    : Promise.resolve([]);
export type VersionRow = Awaited<ReturnType<typeof listVersions>>[number];

export const insertDocument = (db: Executor, row: Insertable<CaseDocumentsTable>) =>
  db.insertInto('folder_documents').values(row).execute();

export const updateDocument = (db: Executor, id: string, patch: Updateable<CaseDocumentsTable>) =>
  db.updateTable('folder_documents').set(patch).where('id', '=', id).execute();

export const insertVersion = (db: Executor, row: Insertable<CaseDocumentVersionsTable>) =>
  db.insertInto('folder_document_versions').values(row).execute();

/** Documents a person uploaded, with every version they uploaded (their data export). */
export const versionsUploadedBy = (db: Executor, userId: string) =>
  db
    .selectFrom('folder_document_versions')
    .innerJoin('folder_documents', 'folder_documents.id', 'folder_document_versions.document_id')
    .select([
      'folder_documents.id as document_id',
      'folder_documents.case_id',
      'folder_documents.visibility',
      'folder_document_versions.version',
      'folder_document_versions.file_id',
      'folder_document_versions.name_enc',
      'folder_document_versions.content_type',
      'folder_document_versions.size',
      'folder_document_versions.created_at',
    ])
    .where('folder_document_versions.uploaded_by', '=', userId)
    .orderBy('folder_document_versions.created_at')
    .execute();

/** The stored files of a case's document versions (retention removes them with the rows). */
export const caseVersionFileIds = async (db: Executor, caseId: string) =>
  (
    await db
      .selectFrom('folder_document_versions')
      .innerJoin('folder_documents', 'folder_documents.id', 'folder_document_versions.document_id')
      .select('folder_document_versions.file_id')
      .where('folder_documents.case_id', '=', caseId)
      .execute()
  ).map((r) => r.file_id);

/** Removes a case's documents and their versions (retention); returns how many documents went. */
export const deleteCaseDocuments = async (db: Executor, caseId: string) =>
  Number(
    (await db.deleteFrom('folder_documents').where('case_id', '=', caseId).executeTakeFirst()).numDeletedRows,
  );
