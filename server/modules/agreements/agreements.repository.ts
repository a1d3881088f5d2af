import type { Insertable, Updateable } from 'kysely';
import { z } from 'zod';
import type { AgreementContent } from '../../../domain/settlement.ts';
import type { Executor } from '../../db/database.ts';
import { jsonColumn } from '../../db/json-column.ts';
import type {
  AgreementCommentsTable,
  AgreementVersionsTable,
  SettlementAgreementsTable,
} from '../../db/tables/cases-part-2.ts';

// The written agreement's record, its versions' content and the comments on it. Decides nothing.

const Due = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('date'), date: z.string() }),
  z.object({ kind: z.literal('days_after_signing'), days: z.number().int() }),
]);
const Content = z.object({
  terms: z.array(z.object({ issueId: z.string().nullable(), text: z.string(), responsible: z.string() })),
  milestones: z.array(
    z.object({ what: z.string(), responsible: z.string(), due: Due, evidence: z.string() }),
  ),
  settledIssueIds: z.array(z.string()),
}) satisfies z.ZodType<AgreementContent>;
const content = jsonColumn('agreement_versions', 'content', Content);

export const findAgreement = (db: Executor, caseId: string) =>
  db.selectFrom('settlement_agreements').selectAll().where('case_id', '=', caseId).executeTakeFirst();

export const insertAgreement = (db: Executor, row: Insertable<SettlementAgreementsTable>) =>
  db.insertInto('settlement_agreements').values(row).execute();

export const updateAgreement = (db: Executor, caseId: string, patch: Updateable<SettlementAgreementsTable>) =>
  db.updateTable('settlement_agreements').set(patch).where('case_id', '=', caseId).execute();

/** Of these cases, the ones whose written agreement everyone has signed, with when the last one signed. */
export const listSignedCases = async (db: Executor, caseIds: readonly string[]) =>
  caseIds.length
    ? await db
        .selectFrom('settlement_agreements')
        .select(['case_id', 'signed_at'])
        .where('case_id', 'in', [...caseIds])
        .where('signed_at', 'is not', null)
        .$narrowType<{ signed_at: string }>()
        .execute()
    : [];

export const insertVersion = (
  db: Executor,
  row: Omit<Insertable<AgreementVersionsTable>, 'content'> & { content: AgreementContent },
) =>
  db
    .insertInto('agreement_versions')
    .values({ ...row, content: content.write(row.content) })
    .execute();

export const listVersions = async (db: Executor, caseId: string) =>
  (
    await db
      .selectFrom('agreement_versions')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('version')
      .execute()
  ).map((v) => ({ ...v, content: content.read(v.content) }));

/** What a signed version says (the compliance area reads its timeline). */
export const findVersionContent = async (db: Executor, documentId: string) => {
  const row = await db
    .selectFrom('agreement_versions')
    .select('content')
    .where('document_id', '=', documentId)
    .executeTakeFirst();
  return row ? content.read(row.content) : null;
};

/** The mediator sends a version to the parties for signature. */
export const markVersionSent = (db: Executor, documentId: string, sentAt: string) =>
  db
    .updateTable('agreement_versions')
    .set({ sent_at: sentAt })
    .where('document_id', '=', documentId)
    .execute();

export const listComments = (db: Executor, caseId: string) =>
  db
    .selectFrom('agreement_comments')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .execute();

export const insertComment = (db: Executor, row: Insertable<AgreementCommentsTable>) =>
  db.insertInto('agreement_comments').values(row).execute();

/** Comments a person wrote on draft agreements (their data export). */
export const listCommentsBy = (db: Executor, userId: string) =>
  db
    .selectFrom('agreement_comments')
    .select(['case_id', 'version', 'body', 'created_at'])
    .where('author_id', '=', userId)
    .orderBy('created_at')
    .execute();

/** Of these cases, those whose written agreement was sent for signature and is not yet signed by all, with when it was last sent. */
export const listAwaitingSignatures = (db: Executor, caseIds: readonly string[]) =>
  caseIds.length
    ? db
        .selectFrom('settlement_agreements as a')
        .innerJoin('agreement_versions as v', 'v.case_id', 'a.case_id')
        .select(['a.case_id', (eb) => eb.fn.max('v.sent_at').as('sent_at')])
        .where('a.case_id', 'in', [...caseIds])
        .where('a.signed_at', 'is', null)
        .where('v.sent_at', 'is not', null)
        .groupBy('a.case_id')
        .execute()
    : Promise.resolve([]);
