import { formatMissouriDate } from '../../../domain/missouri-time.ts';
import { requestLetterBlocks, requestLetterTitle } from '../../../domain/request-letter.ts';
import { translator } from '../../../i18n/i18n.ts';
import { packWords } from '../../../i18n/pack-words.ts';
import { AppError, forbidden } from '../../http/errors.ts';
import type { Deps } from '../../infra/deps.ts';
import { renderPdf } from '../../infra/pdf.ts';
import type { Actor } from '../access/access.service.ts';
import { languageOfRecipient } from '../accounts/accounts.service.ts';
import { type CaseAccess, loadCase } from './case-access.ts';
import { mayReadRequestLetter } from './cases.policy.ts';
import { auditDocumentRead } from './cases.service.ts';

/** A special-education case's request letter, for the side that asked, the mediator and the program. */
export function requireLetterReader(ctx: Pick<CaseAccess, 'c' | 'viewer'>) {
  const d = ctx.c.details;
  if (d.form !== 'special_education') throw new AppError('NOT_FOUND', 'This case has no request letter.');
  if (!mayReadRequestLetter(ctx.viewer))
    throw forbidden('The request letter belongs to the person who asked.');
  return d;
}

/**
 * The written request for special-education mediation (domain/request-letter.ts) as a PDF, in the
 * language of the person who downloads it (their account's).
 */
export async function requestLetterPdf(deps: Deps, actor: Actor | null, caseId: string) {
  const ctx = await loadCase(deps.db, actor, caseId);
  const { c, pack } = ctx;
  const d = requireLetterReader(ctx);
  const parent = ctx.participants.find((p) => p.side === 'requester' && p.role === 'party')!;
  const language = await languageOfRecipient(deps.db, { userId: ctx.actor.userId });
  const labels = pack.issueTemplates.value
    .filter((i) => d.categories.includes(i.id))
    .map(packWords(language, pack.id).issue);
  const t = translator(language, 'request');
  const pdf = await renderPdf({
    title: requestLetterTitle(t),
    subtitle: `${formatMissouriDate(c.created_at, { weekday: true }, language)} · ${c.reference}`,
    footer: t('letter.footer', { reference: c.reference }),
    createdAt: new Date(c.created_at),
    blocks: requestLetterBlocks(
      {
        parent,
        student: d.student,
        district: d.district.name,
        categories: labels,
        description: d.description,
      },
      t,
    ),
  });
  await auditDocumentRead(deps, ctx, 'request_letter');
  return { pdf, filename: t('letter.filename', { reference: c.reference }) };
}
