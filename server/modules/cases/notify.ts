import { DEFAULT_LANGUAGE, type Language } from '../../../domain/languages.ts';
import type { NotificationKind } from '../../../domain/notifications.ts';
import { circuitScope } from '../../../domain/roles.ts';
import type { Tx } from '../../db/database.ts';
import type { Deps } from '../../infra/deps.ts';
import { listRoleHolders } from '../access/access.service.ts';
import { findUser, languageOfRecipient } from '../accounts/accounts.service.ts';
import { queueEmail } from '../mail/mail.service.ts';
import type { InLanguage } from '../notifications/notifications.service.ts';
import { notify } from '../notifications/notifications.service.ts';
import { findProgram } from '../programs/programs.service.ts';
import type { CaseRow, ParticipantRow } from './case-access.ts';
import { caseEmailText } from './cases.emails.ts';

/**
 * Sending a case's e-mails to the people on it. Each area writes its notices' words in its
 * <area>.emails.ts; they name the step and never carry screening answers, notes, or anyone's
 * address or phone number.
 */
export type Notice = { template: string; subject: string; body: string };
/**
 * A notice as an area gives it: its words in English, or written in each reader's language (a
 * function of it), which each person then receives in the language of their account.
 */
export type NoticeWords = Notice | ((language: Language) => Notice);

/**
 * A notice that is also a notification (a signature needed, a promise due): each person with an
 * account sees it under their bell, and gets the notice's e-mail only if they chose e-mail now
 * for its kind (notifications/). People without an account get the e-mail as before.
 */
export type AsNotification = { kind: NotificationKind; link: string; title: InLanguage<string> };

export async function notifyPeople(
  tx: Tx,
  deps: Deps,
  c: CaseRow,
  to: { email: string | null; userId?: string | null; name: string }[],
  notice: NoticeWords,
  notification?: AsNotification,
  /** The page the notice links to: the case page, or the court's page of the case. */
  page: 'case' | 'court' = 'case',
) {
  const seen = new Set<string>();
  for (const person of to) {
    if (!person.email || seen.has(person.email.toLowerCase())) continue;
    seen.add(person.email.toLowerCase());
    const language = typeof notice === 'function' ? await languageOfRecipient(tx, person) : DEFAULT_LANGUAGE;
    const words = typeof notice === 'function' ? notice(language) : notice;
    const email = {
      template: `case-${words.template}`,
      subject: words.subject,
      text: caseEmailText(
        person.name,
        words.body,
        `${deps.config.publicUrl.replace(/\/$/, '')}/${page === 'court' ? 'court/cases' : 'cases'}/${c.id}`,
        language,
      ),
    };
    if (notification && person.userId) {
      await notify(tx, deps, {
        userId: person.userId,
        caseId: c.id,
        ...notification,
        email: { ...email, programId: c.program_id },
      });
      continue;
    }
    await queueEmail(tx, deps, {
      to: person.email,
      toUserId: person.userId ?? null,
      ...email,
      programId: c.program_id,
      caseId: c.id,
    });
  }
}

/** Tells everyone on the case who has joined (or those of one side). */
export const notifyCase = (
  tx: Tx,
  deps: Deps,
  ctx: { c: CaseRow; participants: readonly ParticipantRow[] },
  notice: NoticeWords,
  side?: string,
  notification?: AsNotification,
) => notifyPeople(tx, deps, ctx.c, joined(ctx.participants, side), notice, notification);

/** Everyone on the case who has joined (parties and the people with them). */
export const joined = (participants: readonly ParticipantRow[], side?: string) =>
  participants
    .filter((p) => p.user_id && p.status === 'active' && (!side || p.side === side))
    .map((p) => ({ email: p.email, userId: p.user_id, name: p.name }));

export async function notifyCoordinators(tx: Tx, deps: Deps, c: CaseRow, notice: NoticeWords) {
  const coordinators = await listRoleHolders(tx, c.program_id, 'coordinator');
  await notifyPeople(
    tx,
    deps,
    c,
    coordinators.map((u) => ({ email: u.email, userId: u.id, name: u.name })),
    notice,
  );
}

/**
 * Notices to the court (an application to disqualify the mediator, a filed opt-out): sent to the
 * referring circuit's court users on Parley (linking to the court's page), and to the address the
 * program gave for its court (the circuit clerk's or the division's); a program with neither
 * receives them itself, marked for the court, to pass on.
 */
export async function notifyCourt(tx: Tx, deps: Deps, c: CaseRow, words: NoticeWords) {
  // A notice the parties read in their language reaches the court in English.
  const notice = typeof words === 'function' ? words(DEFAULT_LANGUAGE) : words;
  const program = await findProgram(tx, c.program_id);
  const to = program?.settings.courtNoticeEmail;
  const forCourt = {
    ...notice,
    template: `court-${notice.template}`,
    subject: `For the court: ${notice.subject}`,
  };
  // The referring court's own clerks and judge's staff on Parley read it on the court's page.
  const clerks =
    c.court_circuit != null
      ? await listRoleHolders(tx, circuitScope(c.court_circuit), 'court', { activeOnly: true })
      : [];
  if (clerks.length)
    await notifyPeople(
      tx,
      deps,
      c,
      clerks.map((u) => ({ email: u.email, userId: u.id, name: u.name })),
      forCourt,
      undefined,
      'court',
    );
  if (to)
    await notifyPeople(tx, deps, c, [{ email: to, userId: null, name: 'Clerk of the court' }], forCourt);
  else if (!clerks.length)
    await notifyCoordinators(tx, deps, c, {
      ...forCourt,
      body: `${notice.body}\n\nThe program has no address for the court in Parley: please pass this notice on to the court.`,
    });
}

export async function notifyMediator(
  tx: Tx,
  deps: Deps,
  c: CaseRow,
  mediatorId: string,
  notice: NoticeWords,
) {
  const m = await findUser(tx, mediatorId);
  if (m) await notifyPeople(tx, deps, c, [{ email: m.email, userId: m.id, name: m.name }], notice);
}
