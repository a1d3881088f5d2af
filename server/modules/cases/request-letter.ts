import { formatMissouriDate } from '../../../domain/missouri-time.ts';
import { AppError, forbidden } from '../../http/errors.ts';
import type { Deps } from '../../infra/deps.ts';
import { renderPdf } from '../../infra/pdf.ts';
import type { Actor } from '../access/access.service.ts';
import { type CaseAccess, loadCase } from './case-access.ts';
import { mayReadRequestLetter } from './cases.policy.ts';
import { auditDocumentRead } from './cases.service.ts';

/**
 * The written request for special-education mediation, as DESE asks for it: it names the student
 * and the district, says what the disagreement is about in the four categories, and asks for
 * state-sponsored mediation. The requesting side and the program may download it.
 */
/** A special-education case's request letter, for the side that asked, the mediator and the program. */
export function requireLetterReader(ctx: Pick<CaseAccess, 'c' | 'viewer'>) {
  const d = ctx.c.details;
  if (d.form !== 'special_education') throw new AppError('NOT_FOUND', 'This case has no request letter.');
  if (!mayReadRequestLetter(ctx.viewer))
    throw forbidden('The request letter belongs to the person who asked.');
  return d;
}

export async function requestLetterPdf(deps: Deps, actor: Actor | null, caseId: string) {
  const ctx = await loadCase(deps.db, actor, caseId);
  const { c, pack } = ctx;
  const d = requireLetterReader(ctx);
  const parent = ctx.participants.find((p) => p.side === 'requester' && p.role === 'party')!;
  const labels = pack.issueTemplates.value.filter((i) => d.categories.includes(i.id)).map((i) => i.label);
  const from = [parent.name, parent.address, parent.phone, parent.email].filter(Boolean) as string[];
  const pdf = await renderPdf({
    title: 'Request for State-Sponsored Special Education Mediation',
    subtitle: `${formatMissouriDate(c.created_at, { weekday: true })} · ${c.reference}`,
    footer: `Request for mediation ${c.reference}`,
    createdAt: new Date(c.created_at),
    blocks: [
      {
        kind: 'paragraph',
        text: 'To: Missouri Department of Elementary and Secondary Education, Office of Special Education, Dispute Resolution',
      },
      { kind: 'paragraph', text: `From: ${from.join(', ')}` },
      {
        kind: 'paragraph',
        text: `I am requesting state-sponsored mediation under the Individuals with Disabilities Education Act (34 CFR 300.506) and RSMo 162.959 with ${d.district.name}.`,
      },
      { kind: 'heading', text: 'Student' },
      {
        kind: 'paragraph',
        text: [
          `Name: ${d.student.name}`,
          d.student.school ? `School: ${d.student.school}` : null,
          d.student.grade ? `Grade: ${d.student.grade}` : null,
        ]
          .filter(Boolean)
          .join('\n'),
      },
      { kind: 'heading', text: 'School district' },
      { kind: 'paragraph', text: d.district.name },
      { kind: 'heading', text: 'Nature of the dispute' },
      { kind: 'list', items: labels },
      { kind: 'paragraph', text: d.description },
      { kind: 'heading', text: 'What I am asking for' },
      {
        kind: 'paragraph',
        text: 'I request state-sponsored mediation. I understand mediation is free and voluntary, and that it does not delay or deny my right to a due process hearing.',
      },
      { kind: 'signature', name: parent.name, capacity: 'Parent', details: ['Signature and date'] },
    ],
  });
  await auditDocumentRead(deps, ctx.actor, c, 'request_letter');
  return { pdf, filename: `request-for-mediation-${c.reference}.pdf` };
}
