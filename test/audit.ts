import type { Db } from '../server/db/database.ts';

/** The audit events of one kind about a case, or about one subject (a person, a record): kind and data. */
export const auditEvents = (db: Db, kind: string, about: { caseId: string } | { subjectId: string }) => {
  const q = db.selectFrom('audit_events').select(['kind', 'data']).where('kind', '=', kind);
  return (
    'caseId' in about ? q.where('case_id', '=', about.caseId) : q.where('subject_id', '=', about.subjectId)
  ).execute();
};
