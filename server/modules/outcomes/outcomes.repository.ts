import { z } from 'zod';
import type { Outcome } from '../../../domain/outcomes.ts';
import type { Executor } from '../../db/database.ts';
import { jsonColumn } from '../../db/json-column.ts';

// How a case ended, with its next steps, and the parties' satisfaction surveys. Decides nothing.

const nextSteps = jsonColumn('case_outcomes', 'next_steps', z.array(z.string()));
export const SurveyAnswers = z.object({
  overall: z.number(),
  heard: z.number(),
  fair: z.number(),
  recommend: z.boolean(),
  comment: z.string(),
});
export type SurveyAnswers = z.infer<typeof SurveyAnswers>;
const answers = jsonColumn('survey_responses', 'answers', SurveyAnswers);

export const findOutcome = async (db: Executor, caseId: string) => {
  const row = await db
    .selectFrom('case_outcomes')
    .selectAll()
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  return row && { ...row, next_steps: nextSteps.read(row.next_steps) };
};

export const insertOutcome = (
  db: Executor,
  row: { case_id: string; outcome: Outcome; closed_by: string; closed_at: string; next_steps: string[] },
) =>
  db
    .insertInto('case_outcomes')
    .values({ ...row, next_steps: nextSteps.write(row.next_steps) })
    .execute();

export const insertSurvey = (
  db: Executor,
  row: { id: string; case_id: string; participant_id: string; sent_at: string },
) =>
  db
    .insertInto('survey_responses')
    .values({ ...row, answered_at: null, answers: null })
    .execute();

export const findSurvey = async (db: Executor, caseId: string, participantId: string) => {
  const row = await db
    .selectFrom('survey_responses')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('participant_id', '=', participantId)
    .executeTakeFirst();
  return row && { ...row, answers: row.answers === null ? null : answers.read(row.answers) };
};

export const saveAnswers = (db: Executor, id: string, value: SurveyAnswers, at: string) =>
  db
    .updateTable('survey_responses')
    .set({ answers: answers.write(value), answered_at: at })
    .where('id', '=', id)
    .execute();

/** Every survey sent on these cases, with the answers given. */
export const listSurveys = async (db: Executor, caseIds: readonly string[]) =>
  caseIds.length
    ? (
        await db
          .selectFrom('survey_responses')
          .select(['answers', 'answered_at'])
          .where('case_id', 'in', [...caseIds])
          .execute()
      ).map((r) => ({ ...r, answers: r.answers === null ? null : answers.read(r.answers) }))
    : [];
