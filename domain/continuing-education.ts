/**
 * Continuing education: hours earned this calendar year, by kind, against the association's
 * yearly expectation. Missouri sets no continuing-education hours for mediators; the association
 * encourages them "every year" (seed: Become a Mediator, Continuing Education), so the number is
 * the association's own and lives here as data.
 */
import { COURSE_KIND_LABELS, COURSE_KINDS, type CourseKind } from './eligibility.ts';

/** The kinds of training the training record keeps: the directory's course kinds. */
export const TRAINING_KINDS = COURSE_KINDS;
export type TrainingKind = CourseKind;
export const TRAINING_KIND_LABELS = COURSE_KIND_LABELS;

export const isTrainingKind = (v: string): v is TrainingKind =>
  (TRAINING_KINDS as readonly string[]).includes(v);

/** The association's yearly expectation, in hours of any kind of training. */
export const CE_HOURS_PER_YEAR = 6;

export type CourseHours = { date: string; hours: number; kind: string };

export type CeProgress = {
  year: number;
  expectedHours: number;
  earnedHours: number;
  remainingHours: number;
  met: boolean;
  byKind: { kind: TrainingKind; hours: number }[];
};

const round = (n: number) => Math.round(n * 100) / 100;

/** Hours earned in `year` (UTC calendar year of the course date), per kind and in total. */
export function ceProgress(
  courses: CourseHours[],
  year: number,
  expectedHours = CE_HOURS_PER_YEAR,
): CeProgress {
  const inYear = courses.filter((c) => new Date(c.date).getUTCFullYear() === year && c.hours > 0);
  const byKind = TRAINING_KINDS.map((kind) => ({
    kind,
    hours: round(inYear.filter((c) => c.kind === kind).reduce((sum, c) => sum + c.hours, 0)),
  }));
  const earnedHours = round(byKind.reduce((sum, k) => sum + k.hours, 0));
  return {
    year,
    expectedHours,
    earnedHours,
    remainingHours: round(Math.max(0, expectedHours - earnedHours)),
    met: earnedHours >= expectedHours,
    byKind,
  };
}
