import { randomBytes } from 'node:crypto';
import type { VerifiedCertificate } from '../../../contracts/events.ts';
import { COURSE_KIND_LABELS, type CourseKind } from '../../../domain/eligibility.ts';
import { scheduleDates, scheduledHours } from '../../../domain/event-schedule.ts';
import { formatMissouriDate, missouriDate } from '../../../domain/missouri-time.ts';
import { can } from '../../../domain/roles.ts';
import { inTransaction, type Tx } from '../../db/database.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { renderPdf } from '../../infra/pdf.ts';
import { type Actor, authorize, requireActor } from '../access/access.service.ts';
import { findUser } from '../accounts/accounts.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { addTrainingCourse } from '../directory/training.service.ts';
import { readFile, storePdf } from '../files/files.service.ts';
import { pdfAttachment, queueEmail } from '../mail/mail.service.ts';
import { EVENT_EMAILS } from './events.emails.ts';
import { attendanceRefusal } from './events.policy.ts';
import * as repo from './events.repository.ts';

type Credit = { kind: CourseKind; hours: number };

export function certificatePdf(input: {
  name: string;
  title: string;
  provider: string;
  dates: string;
  hours: number;
  credits: Credit[];
  code: string;
  verifyUrl: string;
  issuedAt: Date;
}): Promise<Buffer> {
  return renderPdf({
    title: 'Certificate of Attendance',
    subtitle: 'Association of Missouri Mediators',
    author: 'Association of Missouri Mediators',
    createdAt: input.issuedAt,
    footer: `Certificate ${input.code}`,
    blocks: [
      { kind: 'paragraph', text: 'This certifies that' },
      { kind: 'heading', text: input.name },
      {
        kind: 'paragraph',
        text: `attended every session of ${input.title}, given by ${input.provider}, on ${input.dates}: ${hoursText(input.hours)} in all.`,
      },
      ...(input.credits.length
        ? [
            { kind: 'paragraph' as const, text: 'Hours credited to the training record:' },
            {
              kind: 'list' as const,
              items: input.credits.map((c) => `${COURSE_KIND_LABELS[c.kind]}: ${hoursText(c.hours)}`),
            },
          ]
        : []),
      {
        kind: 'paragraph',
        text: 'This is a record of attendance. Missouri does not certify mediators, and this certificate does not make anyone a certified mediator.',
      },
      { kind: 'paragraph', text: `Issued ${formatMissouriDate(input.issuedAt)}.` },
      { kind: 'paragraph', text: '______________________________' },
      { kind: 'paragraph', text: 'For the Association of Missouri Mediators' },
      {
        kind: 'paragraph',
        text: `Verification code ${input.code}. Anyone can check this certificate at ${input.verifyUrl}.`,
      },
    ],
  });
}

const hoursText = (hours: number) => `${hours} ${hours === 1 ? 'hour' : 'hours'}`;

/** Twelve characters a person can read aloud and type (no 0/O, 1/I/L), in groups of four. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
function newCertificateCode(): string {
  const bytes = randomBytes(12);
  const chars = [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8).join('')}`;
}
const normalizeCode = (code: string) => {
  const plain = code.replace(/-/g, '').toUpperCase();
  return `${plain.slice(0, 4)}-${plain.slice(4, 8)}-${plain.slice(8)}`;
};

/**
 * Staff record that a registrant was at one session, once it has begun. When that completes
 * every session, in the same transaction: the registration is marked attended, each credited kind
 * of hours is written to the person's training record through the directory (which recomputes
 * their eligibility), and a certificate of attendance with a verification code is issued as a
 * PDF and e-mailed. Recording a session twice changes nothing.
 */
export async function markAttended(
  deps: Deps,
  actor: Actor | null,
  eventId: string,
  registrationId: string,
  sessionId: string,
) {
  authorize(actor, 'association:manage');
  const event = await repo.findEvent(deps.db, eventId);
  const r = await repo.findRegistration(deps.db, registrationId);
  if (!event || !r || r.event_id !== eventId) throw notFound('That registration');
  const sessions = await repo.listSessions(deps.db, eventId);
  const session = sessions.find((s) => s.id === sessionId);
  if (!session) throw notFound('That day of the event');
  const answer = async (certificateIssued: boolean) => {
    const current = (await repo.findRegistration(deps.db, registrationId))!;
    return {
      registrationId,
      status: current.status,
      sessionsAttended: (await repo.attendanceOf(deps.db, eventId)).get(registrationId)?.size ?? 0,
      sessions: sessions.length,
      certificateIssued,
    };
  };
  if (r.status === 'attended') return answer(r.certificate_file_id !== null);
  const refusal = attendanceRefusal(session, r.status, deps.clock.now());
  if (refusal) throw refusal;
  const person = await findUser(deps.db, r.user_id);
  if (!person) throw notFound('That registration');
  const now = deps.clock.now();
  const issued = await inTransaction(deps.db, async (tx) => {
    const recorded = await repo.recordSessionAttendance(tx, {
      registration_id: registrationId,
      session_id: sessionId,
      recorded_at: iso(now),
      recorded_by: actor.userId,
    });
    if (!recorded) return false;
    await recordAudit(tx, {
      kind: 'event_registration.session_attended',
      at: now,
      actorId: actor.userId,
      subjectType: 'event_registration',
      subjectId: registrationId,
      data: { eventId, sessionId, day: session.seq },
    });
    const attended = (await repo.attendanceOf(tx, eventId)).get(registrationId)?.size ?? 0;
    if (attended < sessions.length) return false;
    return completeAttendance(tx, deps, actor.userId, { event, sessions, registrationId, person, now });
  });
  return answer(issued);
}

/** The last session attended: the registration is complete, the hours credited, the certificate issued. */
async function completeAttendance(
  tx: Tx,
  deps: Deps,
  actorId: string,
  input: {
    event: repo.EventRow;
    sessions: repo.SessionRow[];
    registrationId: string;
    person: { id: string; name: string; email: string };
    now: Date;
  },
): Promise<boolean> {
  const { event, sessions, registrationId, person, now } = input;
  const moved = await repo.moveRegistration(tx, registrationId, ['registered'], {
    status: 'attended',
    attended_at: iso(now),
    updated_at: iso(now),
  });
  if (!moved) return false;
  const schedule = sessions.map((s) => ({ startsAt: s.starts_at, endsAt: s.ends_at }));
  const date = missouriDate(new Date(event.starts_at));
  const code = newCertificateCode();
  const pdf = await certificatePdf({
    name: person.name,
    title: event.title,
    provider: event.provider,
    dates: scheduleDates(schedule),
    hours: scheduledHours(schedule),
    credits: event.credits,
    code,
    verifyUrl: `${deps.config.publicUrl}/certificates/${code}`,
    issuedAt: now,
  });
  const fileId = await storePdf(tx, deps, {
    purpose: 'association-certificate',
    filename: `certificate-${date}.pdf`,
    bytes: pdf,
    ownerId: person.id,
  });
  await repo.setCertificate(tx, registrationId, fileId);
  await repo.setCertificateCode(tx, registrationId, code);
  for (const credit of event.credits) {
    await addTrainingCourse(tx, deps, {
      userId: person.id,
      provider: event.provider,
      title: event.title,
      date,
      hours: credit.hours,
      kind: credit.kind,
      verified: true,
      source: 'association',
      sourceRef: `${registrationId}:${credit.kind}`,
      certificateFileId: fileId,
      actorId,
    });
  }
  await queueEmail(tx, deps, {
    to: person.email,
    toUserId: person.id,
    ...EVENT_EMAILS.certificate(person.name, event, event.credits.length > 0),
    attachments: [pdfAttachment(`certificate-${date}.pdf`, pdf)],
  });
  await recordAudit(tx, {
    kind: 'event_registration.attended',
    at: now,
    actorId,
    subjectType: 'event_registration',
    subjectId: registrationId,
    data: { eventId: event.id, credits: event.credits, sessions: sessions.length },
  });
  return true;
}

/** The certificate PDF, for the attendee or staff. */
export async function certificate(deps: Deps, actor: Actor | null, registrationId: string) {
  requireActor(actor);
  const r = await repo.findRegistration(deps.db, registrationId);
  if (!r?.certificate_file_id || (r.user_id !== actor.userId && !can(actor.grants, 'association:manage'))) {
    throw notFound('That certificate');
  }
  const file = await readFile(deps.db, r.certificate_file_id);
  if (!file) throw notFound('That certificate');
  return { filename: file.filename, contentType: file.contentType, data: file.data };
}

/** A certificate looked up by the code printed on it: what it certifies, for anyone to check. */
export async function verifyCertificate(deps: Deps, rawCode: string): Promise<VerifiedCertificate> {
  const code = normalizeCode(rawCode);
  const found = await repo.findCertificate(deps.db, code);
  if (!found?.attended_at)
    throw new AppError('NOT_FOUND', 'No certificate has this code. Check it against the certificate.', {
      fields: { code: 'matches no certificate' },
    });
  const schedule = (await repo.listSessions(deps.db, found.event_id)).map((s) => ({
    startsAt: s.starts_at,
    endsAt: s.ends_at,
  }));
  return {
    code,
    name: found.name,
    title: found.title,
    provider: found.provider,
    dates: scheduleDates(schedule),
    hours: scheduledHours(schedule),
    credits: found.credits,
    issuedAt: found.attended_at,
  };
}
