import { COURSE_KIND_LABELS, type CourseKind } from '../../../domain/eligibility.ts';
import { formatMissouriDate, missouriDate } from '../../../domain/missouri-time.ts';
import { can } from '../../../domain/roles.ts';
import { inTransaction } from '../../db/database.ts';
import { notFound } from '../../http/errors.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { renderPdf } from '../../infra/pdf.ts';
import { type Actor, authorize, requireActor } from '../access/access.service.ts';
import { findUser } from '../accounts/accounts.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { addTrainingCourse } from '../directory/training.service.ts';
import { readFile, storeFile } from '../files/files.service.ts';
import { queueEmail } from '../mail/mail.service.ts';
import { EVENT_EMAILS } from './events.emails.ts';
import { attendanceRefusal } from './events.policy.ts';
import * as repo from './events.repository.ts';

type Credit = { kind: CourseKind; hours: number };

export function certificatePdf(input: {
  name: string;
  title: string;
  provider: string;
  date: string;
  credits: Credit[];
  number: string;
  issuedAt: Date;
}): Promise<Buffer> {
  const total = input.credits.reduce((s, c) => s + c.hours, 0);
  return renderPdf({
    title: 'Certificate of Attendance',
    subtitle: 'Association of Missouri Mediators',
    author: 'Association of Missouri Mediators',
    createdAt: input.issuedAt,
    footer: `Certificate ${input.number}`,
    blocks: [
      { kind: 'paragraph', text: 'This certifies that' },
      { kind: 'heading', text: input.name },
      { kind: 'paragraph', text: `attended ${input.title}, given by ${input.provider}, on ${input.date}.` },
      ...(input.credits.length
        ? [
            { kind: 'paragraph' as const, text: `Hours of training: ${total}` },
            {
              kind: 'list' as const,
              items: input.credits.map((c) => `${COURSE_KIND_LABELS[c.kind]}: ${c.hours} hours`),
            },
          ]
        : []),
      {
        kind: 'paragraph',
        text: 'This is a record of attendance. Missouri does not certify mediators, and this certificate does not make anyone a certified mediator.',
      },
    ],
  });
}

/**
 * Staff record that a registrant attended. In one transaction: the registration is marked, each
 * credited kind of hours is written to the person's training record through the directory (which
 * recomputes their eligibility), and a certificate of attendance is issued as a PDF and e-mailed.
 * Recording twice changes nothing: the registration moves once and the courses carry a source ref.
 */
export async function markAttended(deps: Deps, actor: Actor | null, eventId: string, registrationId: string) {
  authorize(actor, 'association:manage');
  const event = await repo.findEvent(deps.db, eventId);
  const r = await repo.findRegistration(deps.db, registrationId);
  if (!event || !r || r.event_id !== eventId) throw notFound('That registration');
  if (r.status === 'attended')
    return { registrationId, status: 'attended' as const, certificateIssued: r.certificate_file_id !== null };
  const refusal = attendanceRefusal(event, r.status, deps.clock.now());
  if (refusal) throw refusal;
  const person = await findUser(deps.db, r.user_id);
  if (!person) throw notFound('That registration');
  const credits = event.credits;
  const date = missouriDate(new Date(event.starts_at));
  const now = deps.clock.now();
  await inTransaction(deps.db, async (tx) => {
    const moved = await repo.moveRegistration(tx, registrationId, ['registered'], {
      status: 'attended',
      attended_at: iso(now),
      updated_at: iso(now),
    });
    if (!moved) return;
    const pdf = await certificatePdf({
      name: person.name,
      title: event.title,
      provider: event.provider,
      date: formatMissouriDate(event.starts_at),
      credits,
      number: registrationId.slice(-12).toUpperCase(),
      issuedAt: now,
    });
    const fileId = await storeFile(tx, deps, {
      purpose: 'association-certificate',
      filename: `certificate-${date}.pdf`,
      contentType: 'application/pdf',
      bytes: pdf,
      ownerId: person.id,
    });
    await repo.setCertificate(tx, registrationId, fileId);
    for (const credit of credits) {
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
        actorId: actor.userId,
      });
    }
    await queueEmail(tx, deps, {
      to: person.email,
      toUserId: person.id,
      ...EVENT_EMAILS.certificate(person.name, event, credits.length > 0),
      attachments: [
        {
          filename: `certificate-${date}.pdf`,
          contentType: 'application/pdf',
          content: pdf.toString('base64'),
          encoding: 'base64',
        },
      ],
    });
    await recordAudit(tx, {
      kind: 'event_registration.attended',
      at: now,
      actorId: actor.userId,
      subjectType: 'event_registration',
      subjectId: registrationId,
      data: { eventId, credits },
    });
  });
  return { registrationId, status: 'attended' as const, certificateIssued: true };
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
