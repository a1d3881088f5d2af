import type { Survey } from '../../../contracts/outcomes.ts';
import { inTransaction } from '../../db/database.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import type { Actor } from '../access/access.service.ts';
import { authorize } from '../access/access.service.ts';
import { loadMediation, recordCaseAudit } from '../cases/case-access.ts';
import { caseIdsInProgram } from '../cases/cases.service.ts';
import type { SurveyAnswers } from './outcomes.repository.ts';
import * as repo from './outcomes.repository.ts';

// The short satisfaction survey each party gets when the case closes. Answers go to the program only.

async function mySurvey(deps: Deps, actor: Actor | null, caseId: string) {
  const ctx = await loadMediation(deps.db, actor, caseId);
  if (ctx.viewer.kind !== 'party') throw forbidden('The survey is for the parties.');
  const row = await repo.findSurvey(deps.db, caseId, ctx.viewer.participantId!);
  if (!row) throw notFound('Your survey');
  return { ctx, row };
}

export async function getSurvey(deps: Deps, actor: Actor | null, caseId: string): Promise<Survey> {
  const { row } = await mySurvey(deps, actor, caseId);
  return { answeredAt: row.answered_at, answers: row.answers, can: { answer: row.answered_at === null } };
}

export async function answerSurvey(deps: Deps, actor: Actor | null, caseId: string, answers: SurveyAnswers) {
  const { ctx, row } = await mySurvey(deps, actor, caseId);
  if (row.answered_at) throw new AppError('CONFLICT', 'You already answered. Thank you!');
  const now = iso(deps.clock.now());
  await inTransaction(deps.db, async (tx) => {
    await repo.saveAnswers(tx, row.id, answers, now);
    await recordCaseAudit(tx, ctx, {
      kind: 'survey.answered',
      at: deps.clock.now(),
      subjectType: 'survey_response',
      subjectId: row.id,
      data: {},
    });
  });
  return { answeredAt: now, answers };
}

/** A program's survey results, counted (no names). */
export async function surveySummary(deps: Deps, actor: Actor | null, programId: string) {
  authorize(actor, 'cases:manage', { programId });
  const rows = await repo.listSurveys(deps.db, await caseIdsInProgram(deps.db, programId));
  const answered = rows.flatMap((r) => (r.answers ? [r.answers] : []));
  const avg = (k: 'overall' | 'heard' | 'fair') =>
    answered.length ? Math.round((answered.reduce((n, a) => n + a[k], 0) / answered.length) * 10) / 10 : null;
  return {
    sent: rows.length,
    answered: answered.length,
    overall: avg('overall'),
    heard: avg('heard'),
    fair: avg('fair'),
    wouldRecommend: answered.filter((a) => a.recommend).length,
  };
}
