import type { Side } from './attendance.ts';
import type { CasePlace, CaseState } from './case-lifecycle.ts';

/**
 * Talking and sharing inside a case: who reads which conversation, who sees which document, and
 * what the screening safeguards forbid. No I/O; the messages and documents areas ask these rules.
 *
 * Conversations are fixed per case, one of each kind:
 *   requester, respondent  one side (its parties and the people with them) and the mediators
 *   mediators              the mediator and the co-mediators
 *   program                the mediators and the program's coordinators
 *   everyone               everyone at the table; only once the mediator opens it, and never on a
 *                          case with a screening safeguard (hidden contact details or separate sessions)
 */
export const THREADS = ['requester', 'respondent', 'mediators', 'program', 'everyone'] as const;
export type Thread = (typeof THREADS)[number];

export type TalkViewer = { place: CasePlace; side: Side | null; mediator: boolean };

/** The safeguards under which the sides talk only through the mediator. */
export const TALK_SAFEGUARDS = ['hide_contact', 'separate_sessions'] as const;

/** Why the all-participants conversation may not be offered on this case, or null. */
export function everyoneThreadRefusal(safeguards: readonly { kind: string }[]): string | null {
  return safeguards.some((s) => (TALK_SAFEGUARDS as readonly string[]).includes(s.kind))
    ? 'Screening set a safeguard on this case (hidden contact details or separate sessions), so each side writes only to the mediator.'
    : null;
}

/** States in which the case's messages and documents can be read: the mediation and after it. */
const READABLE: readonly CaseState[] = [
  'ready_to_schedule',
  'in_mediation',
  'full_agreement',
  'partial_agreement',
  'informal_agreement',
  'no_agreement',
];
export const talkReadable = (state: CaseState) => READABLE.includes(state);
/** Written to only while the mediation is under way; afterwards they are kept to read. */
export const talkWritable = (state: CaseState) => state === 'ready_to_schedule' || state === 'in_mediation';

/**
 * Whether this viewer reads a conversation. `everyoneOpen` is whether the mediator opened the
 * all-participants conversation; `safeguarded` whether a safeguard forbids it (then it is never read).
 */
export function readsThread(
  viewer: TalkViewer,
  thread: Thread,
  everyone: { open: boolean; safeguarded: boolean },
): boolean {
  const atTable = viewer.place === 'party' || viewer.place === 'companion';
  switch (thread) {
    case 'requester':
    case 'respondent':
      return viewer.mediator || (atTable && viewer.side === thread);
    case 'mediators':
      return viewer.mediator;
    case 'program':
      return viewer.mediator || viewer.place === 'coordinator';
    case 'everyone':
      return everyone.open && !everyone.safeguarded && (viewer.mediator || atTable);
  }
}

/** Documents: seen by the mediators only (and their uploader), or by everyone at the table. */
export const VISIBILITIES = ['mediator', 'everyone'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** Whether this viewer sees a document of this visibility uploaded by `uploaderId`. */
export function seesDocument(
  viewer: TalkViewer & { userId: string },
  doc: { uploaderId: string | null; visibility: Visibility },
): boolean {
  if (viewer.mediator || doc.uploaderId === viewer.userId) return true;
  const atTable = viewer.place === 'party' || viewer.place === 'companion';
  return atTable && doc.visibility === 'everyone';
}

/** A protected person's contact details: their e-mail addresses, phone number and street address. */
export type Contact = { emails: readonly string[]; phone: string | null; address: string | null };

const words = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * Whether a text (a message, a file's name) carries any of these contact details: an e-mail
 * address, the phone number's digits (however they are written), or the street address's first
 * line. Used on a safeguarded case so no words reach the other side with the protected person's
 * whereabouts.
 */
export function carriesContact(text: string, contacts: readonly Contact[]): boolean {
  const lower = text.toLowerCase();
  const plain = ` ${words(text)} `;
  // Runs of digits and the marks phone numbers are written with, each reduced to its digits.
  const digitRuns = (text.match(/[\d][\d\s().+-]*/g) ?? []).map((r) => r.replace(/\D/g, ''));
  return contacts.some((c) => {
    if (c.emails.some((e) => e.length > 3 && lower.includes(e.toLowerCase()))) return true;
    const phone = (c.phone ?? '').replace(/\D/g, '');
    const local = phone.length > 10 ? phone.slice(-10) : phone;
    if (local.length >= 7 && digitRuns.some((run) => run.includes(local))) return true;
    const street = words((c.address ?? '').split(/[,\n]/)[0] ?? '');
    return street.length >= 6 && plain.includes(` ${street} `);
  });
}
