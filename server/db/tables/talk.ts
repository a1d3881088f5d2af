import type { Generated } from 'kysely';
import type { Thread, Visibility } from '../../../domain/case-talk.ts';

/** A message in one of a case's conversations; its words sealed under the case's key. */
export interface CaseMessagesTable {
  id: string;
  case_id: string;
  thread: Thread;
  author_id: string | null;
  body_enc: string;
  /** JSON array of the case documents attached (ids only). */
  document_ids: Generated<string>;
  created_at: string;
}

/** A conversation the mediator opened (the all-participants one). */
export interface CaseThreadsTable {
  case_id: string;
  thread: Thread;
  opened_by: string | null;
  opened_at: string;
}

/** A document in a case's folder: who uploaded it, who sees it, a pending request to share it. */
export interface CaseDocumentsTable {
  id: string;
  case_id: string;
  uploader_id: string | null;
  visibility: Visibility;
  share_asked_by: string | null;
  share_asked_at: string | null;
  share_answer: 'agreed' | 'refused' | null;
  created_at: string;
  updated_at: string;
}

/** One version of a case document: its stored file (bytes sealed) and its name (sealed). */
export interface CaseDocumentVersionsTable {
  id: string;
  document_id: string;
  version: number;
  file_id: string;
  name_enc: string;
  content_type: string;
  size: number;
  uploaded_by: string | null;
  created_at: string;
}

export interface TalkTables {
  case_messages: CaseMessagesTable;
  case_threads: CaseThreadsTable;
  folder_documents: CaseDocumentsTable;
  folder_document_versions: CaseDocumentVersionsTable;
}
