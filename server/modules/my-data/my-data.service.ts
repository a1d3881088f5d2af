import { strToU8, zipSync } from 'fflate';
import type { AccountDeleted, DeletionItem, DeletionPreview } from '../../../contracts/my-data.ts';
import { type CaseState, CLOSED_STATES } from '../../../domain/case-lifecycle.ts';
import { DEFAULT_LANGUAGE, type Language, languageOr } from '../../../domain/languages.ts';
import { formatMissouriDate } from '../../../domain/missouri-time.ts';
import { translator } from '../../../i18n/i18n.ts';
import { type Executor, inTransaction } from '../../db/database.ts';
import { AppError } from '../../http/errors.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { type Actor, loadGrants, requireActor, revokeRole } from '../access/access.service.ts';
import { accountHeldAbout, findUser, forgetAccount, passwordMatches } from '../accounts/accounts.service.ts';
import { commentsBy } from '../agreements/agreement-context.ts';
import { signaturesBy } from '../agreements-to-mediate/signatures.ts';
import { auditEventsBy, recordAudit } from '../audit/audit.service.ts';
import { casesHeldAbout, forgetContactOnCases } from '../cases/cases.service.ts';
import { requestDraftOf } from '../cases/request-drafts.service.ts';
import { messagesBy } from '../conversations/conversations.service.ts';
import { forgetProfileOf, profileRecordsOf } from '../directory/profiles.service.ts';
import { documentsUploadedBy } from '../documents/documents.service.ts';
import { registrationsOf } from '../events/events.service.ts';
import { filesOwnedBy, forgetLooseFilesOf } from '../files/files.service.ts';
import { forgetInvitationsTo } from '../invitations/invitations.service.ts';
import { optionsBy } from '../issues/issues.service.ts';
import { forgetJobAlertsOf } from '../jobs-board/jobs-board.service.ts';
import { emailsTo, forgetEmailsTo } from '../mail/mail.service.ts';
import { forgetPathOf, membershipRecordsOf } from '../membership/membership.service.ts';
import { newsletterSignUpOf } from '../newsletter/sign-ups.service.ts';
import { forgetNewsletterOf } from '../newsletter/subscriptions.service.ts';
import { forgetNotificationsOf, notificationsOf } from '../notifications/notifications.service.ts';
import { surveysOf } from '../outcomes/outcomes.service.ts';
import { forgetPreparationsOf, preparationsOf } from '../preparation/preparation.service.ts';
import { keptUntil } from '../retention/retention.service.ts';
import { screeningsOf } from '../screening/screening.service.ts';
import { moveRequestsBy } from '../sessions/move-requests.service.ts';
import { pollAnswersOf } from '../sessions/polls.service.ts';
import { forgetFeedsOf } from '../sessions/sessions.service.ts';
import { forgetTextsOf, textRecordsOf } from '../sms/sms.service.ts';

/**
 * A person's data. The export gathers, area by area, what Parley holds about the person — their
 * account, sign-ins, roles, places on cases, their own words (preparation, screening, options they
 * proposed, comments, the messages they wrote, their reasons for asking to move a session), their answers to
 * finding a time, their signatures, surveys, e-mails to them, what the audit trail records
 * they did, and the files they uploaded (case documents opened from their sealed form) — and nothing of anyone else's confidential words (the
 * mediator's notes and notes on their preparation, the other side's preparation and options).
 */

const isOpen = (state: string) => !CLOSED_STATES.includes(state as CaseState);

async function gather(db: Executor, deps: Deps, userId: string) {
  const account = await accountHeldAbout(db, userId);
  if (!account) throw new AppError('NOT_FOUND', 'Your account could not be found.');
  const cases = await casesHeldAbout(db, userId);
  const places = cases.places.map((p) => ({ caseId: p.caseId, participantId: p.participantId }));
  // What the export names in words (kinds, who sees a document) is in the person's own language.
  const language: Language = languageOr((await findUser(db, userId))?.language);
  return {
    language,
    account,
    cases,
    places,
    roles: await loadGrants(db, userId),
    preparation: await preparationsOf(db, deps, places),
    screening: await screeningsOf(
      db,
      places.map((p) => p.participantId),
    ),
    requestDraft: await requestDraftOf({ db, config: deps.config }, userId),
    options: await optionsBy(db, deps, userId),
    agreementComments: await commentsBy(db, userId),
    signatures: await signaturesBy(db, userId),
    surveys: await surveysOf(db, places),
    pollAnswers: await pollAnswersOf(
      db,
      places.map((p) => p.participantId),
      language,
    ),
    moveRequests: await moveRequestsBy(db, deps, userId),
    emails: await emailsTo(db, userId, account.account.email),
    notifications: await notificationsOf(db, userId, language),
    textMessages: await textRecordsOf(db, userId),
    auditTrail: await auditEventsBy(db, userId),
    files: await filesOwnedBy(db, userId),
    messages: await messagesBy(db, deps, userId),
    caseDocuments: await documentsUploadedBy(db, deps, userId),
    directory: await profileRecordsOf(db, userId),
    membership: await membershipRecordsOf(db, userId),
    eventRegistrations: await registrationsOf(db, userId),
    newsletterSignUp: await newsletterSignUpOf(db, account.account.email),
  };
}

/** A zip of data.json (what Parley holds about the person) and their uploaded files. */
export async function exportMyData(deps: Deps, actor: Actor | null) {
  requireActor(actor);
  const g = await gather(deps.db, deps, actor.userId);
  const now = deps.clock.now();
  const documents = g.files.map((f, i) => ({
    f,
    path: `documents/${String(i + 1).padStart(3, '0')}-${f.filename}`,
  }));
  const caseDocuments = g.caseDocuments.map((d, i) => ({
    d,
    path: `case-documents/${String(i + 1).padStart(3, '0')}-${d.name}`,
  }));
  const t = translator(g.language, 'account');
  const data = {
    about: t('data.export.about'),
    exportedAt: iso(now),
    account: g.account.account,
    roles: g.roles,
    signIns: g.account.sessions,
    signInAttempts: g.account.signInAttempts,
    cases: g.cases,
    yourPreparation: g.preparation,
    yourScreeningAnswers: g.screening,
    yourUnsentRequest: g.requestDraft,
    optionsYouProposed: g.options,
    yourCommentsOnAgreements: g.agreementComments,
    yourSignatures: g.signatures,
    yourSurveyAnswers: g.surveys,
    yourAnswersToFindingATime: g.pollAnswers,
    yourRequestsToMoveASession: g.moveRequests,
    yourMessages: g.messages,
    yourCaseDocuments: caseDocuments.map(({ d, path }) => ({
      file: path,
      name: d.name,
      caseId: d.caseId,
      documentId: d.documentId,
      version: d.version,
      whoSeesIt: t('data.export.whoSeesIt', { visibility: d.visibility }),
      type: d.contentType,
      size: d.size,
      uploadedAt: d.uploadedAt,
    })),
    emailsToYou: g.emails,
    yourNotifications: g.notifications,
    yourMobileNumber: g.textMessages.mobileNumber,
    textMessagesToYou: g.textMessages.texts,
    whatYouDidAsTheAuditTrailRecordsIt: g.auditTrail,
    yourDirectoryProfile: g.directory,
    yourMemberships: g.membership.memberships,
    yourPayments: g.membership.payments,
    yourEventRegistrations: g.eventRegistrations,
    yourNewsletterSignUp: g.newsletterSignUp,
    documents: documents.map(({ f, path }) => ({
      file: path,
      name: f.filename,
      type: f.content_type,
      size: f.size,
      sha256: f.sha256,
      caseId: f.case_id,
      uploadedAt: f.created_at,
    })),
  };
  const zip = zipSync({
    'data.json': strToU8(JSON.stringify(data, null, 2)),
    ...Object.fromEntries(documents.map(({ f, path }) => [path, new Uint8Array(f.data)])),
    ...Object.fromEntries(caseDocuments.map(({ d, path }) => [path, new Uint8Array(d.data)])),
  });
  await inTransaction(deps.db, (tx) =>
    recordAudit(tx, {
      kind: 'my_data.exported',
      at: now,
      actorId: actor.userId,
      subjectType: 'user',
      subjectId: actor.userId,
      data: { files: documents.length + caseDocuments.length },
    }),
  );
  return {
    data: Buffer.from(zip),
    filename: `parley-my-data-${iso(now).slice(0, 10)}.zip`,
    contentType: 'application/zip',
  };
}

/**
 * What deleting the account removes, what stays and why, and what stops it now, in the language of
 * the page that asks.
 */
async function plan(db: Executor, deps: Deps, userId: string, language: Language) {
  const g = await gather(db, deps, userId);
  const t = translator(language, 'account');
  const blockers = [
    ...g.cases.places
      .filter((p) => p.status === 'active' && isOpen(p.caseState))
      .map((p) => t('data.plan.blockerParty', { reference: p.reference })),
    ...g.cases.mediated
      .filter((c) => isOpen(c.state))
      .map((c) => t('data.plan.blockerMediator', { reference: c.reference })),
  ];
  const n = (count: number) => (count > 0 ? count : null);
  const gone = (key: string, count: number | null): DeletionItem => ({
    what: t(`data.plan.deleted.${key}`),
    count,
    why: null,
  });
  const deleted: DeletionItem[] = [
    gone('account', null),
    gone('signIns', n(g.account.sessions.length + g.account.signInAttempts.length)),
    gone('roles', n(g.roles.length)),
    gone('preparation', n(g.preparation.length)),
    gone('emails', n(g.emails.length)),
    gone('notifications', n(g.notifications.length)),
    gone('texts', n(g.textMessages.texts.length)),
    gone('files', n(g.files.filter((f) => f.case_id === null).length)),
    gone('directory', g.directory ? 1 : null),
    gone('links', null),
    gone('association', null),
  ];
  const stays = (key: string, count: number | null, args: Record<string, unknown> = {}): DeletionItem => ({
    what: t(`data.plan.kept.${key}`, args),
    count,
    why: t(`data.plan.kept.${key}Why`, args),
  });
  const kept: DeletionItem[] = [];
  for (const p of g.cases.places) {
    const until = p.caseClosedAt ? await keptUntil(db, p.programId, p.caseClosedAt) : null;
    kept.push(
      stays('case', null, {
        reference: p.reference,
        hasUntil: until ? 'yes' : 'no',
        until: until ? formatMissouriDate(until, {}, language) : '',
      }),
    );
  }
  if (g.signatures.length) kept.push(stays('signed', g.signatures.length));
  if (g.membership.memberships.length) kept.push(stays('memberships', g.membership.memberships.length));
  if (g.membership.payments.length) kept.push(stays('payments', g.membership.payments.length));
  kept.push(stays('audit', n(g.auditTrail.length)));
  return { g, blockers, deleted, kept };
}

export async function previewAccountDeletion(
  deps: Deps,
  actor: Actor | null,
  language: Language = DEFAULT_LANGUAGE,
): Promise<DeletionPreview> {
  requireActor(actor);
  const { blockers, deleted, kept } = await plan(deps.db, deps, actor.userId, language);
  return { deleted, kept, blockers, can: { delete: blockers.length === 0 } };
}

/**
 * Deletes the account after the person confirms with their password: everything in the preview's
 * "deleted" goes, the records that must be kept lose the person's contact details, and the account
 * row becomes no one's. Refused while a case of theirs is open.
 */
export async function deleteMyAccount(
  deps: Deps,
  actor: Actor | null,
  body: { password: string },
  language: Language = DEFAULT_LANGUAGE,
): Promise<AccountDeleted> {
  requireActor(actor);
  if (!(await passwordMatches(deps.db, actor.userId, body.password)))
    throw new AppError('VALIDATION_FAILED', 'That is not your password.', {
      fields: { password: 'does not match' },
    });
  const now = deps.clock.now();
  return inTransaction(deps.db, async (tx) => {
    const { g, blockers, deleted, kept } = await plan(tx, deps, actor.userId, language);
    if (blockers.length) throw new AppError('CONFLICT', blockers.join(' '));
    const email = g.account.account.email;
    const removed = {
      preparations: await forgetPreparationsOf(tx, g.places),
      directoryProfile: await forgetProfileOf(tx, actor.userId),
      emails: await forgetEmailsTo(tx, actor.userId, email),
      notifications: await forgetNotificationsOf(tx, actor.userId),
      texts: await forgetTextsOf(tx, actor.userId),
      files: await forgetLooseFilesOf(tx, actor.userId),
      invitations: await forgetInvitationsTo(tx, email),
      newsletter: await forgetNewsletterOf(tx, actor.userId, email),
      jobAlerts: await forgetJobAlertsOf(tx, actor.userId),
      pathSteps: await forgetPathOf(tx, actor.userId),
      roles: g.roles.length,
    };
    for (const r of g.roles) await revokeRole(tx, actor.userId, r.role, r.scope);
    await forgetFeedsOf(tx, actor.userId);
    await forgetContactOnCases(tx, actor.userId);
    await forgetAccount(tx, actor.userId, email, iso(now));
    await recordAudit(tx, {
      kind: 'my_data.account_deleted',
      at: now,
      actorId: actor.userId,
      subjectType: 'user',
      subjectId: actor.userId,
      data: { ...removed, casesKept: g.cases.places.length, signaturesKept: g.signatures.length },
    });
    return { deleted, kept };
  });
}
