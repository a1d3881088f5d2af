/**
 * The path to becoming a mediator in Missouri, as the association describes it (seed: "Become a
 * Mediator"), as a personal checklist. Steps Parley can see tick themselves; the others the
 * person ticks. Nothing here makes anyone "certified": Missouri does not certify mediators.
 */
import { CE_HOURS_PER_YEAR, type CourseHours, ceProgress } from './continuing-education.ts';

export const PATH_STEPS = [
  'core-training',
  'rule-17-list',
  'observe-co-mediate',
  'case-a-month',
  'continuing-education',
] as const;
export type PathStep = (typeof PATH_STEPS)[number];

/** Rule 17: the Rule 17 list asks for at least 16 hours of formal mediation training. */
export const RULE_17_TRAINING_HOURS = 16;
/** Core training kinds: civil core (16 hours and up) and family (up to 40 hours). */
const CORE_KINDS = ['civil_core', 'family_custody', 'violence_power_imbalance'];

export type PathFacts = {
  courses: CourseHours[];
  /** Cases this person mediated in Parley that ended in the last 30 days. */
  casesLast30Days: number;
  selfTicked: PathStep[];
  now: Date;
};

export type PathStepState = {
  step: PathStep;
  done: boolean;
  /** 'parley' when Parley ticked it from what it can see, 'you' when the person did. */
  tickedBy: 'parley' | 'you' | null;
  /** Whether the person may tick or untick it (steps Parley cannot see). */
  selfTickable: boolean;
  detail: string;
};

export function pathChecklist(facts: PathFacts): PathStepState[] {
  const coreHours = facts.courses.filter((c) => CORE_KINDS.includes(c.kind)).reduce((s, c) => s + c.hours, 0);
  const ce = ceProgress(facts.courses, facts.now.getUTCFullYear(), CE_HOURS_PER_YEAR);
  const ticked = (step: PathStep) => facts.selfTicked.includes(step);
  const auto = (step: PathStep, done: boolean, detail: string): PathStepState => ({
    step,
    done,
    tickedBy: done ? 'parley' : null,
    selfTickable: false,
    detail,
  });
  const self = (step: PathStep, detail: string, seen = false): PathStepState => ({
    step,
    done: seen || ticked(step),
    tickedBy: seen ? 'parley' : ticked(step) ? 'you' : null,
    selfTickable: !seen,
    detail,
  });
  return [
    auto(
      'core-training',
      coreHours >= RULE_17_TRAINING_HOURS,
      coreHours >= RULE_17_TRAINING_HOURS
        ? `${coreHours} hours of core training in your record.`
        : `${coreHours} of ${RULE_17_TRAINING_HOURS} hours so far. ${RULE_17_TRAINING_HOURS - coreHours} to go.`,
    ),
    self('rule-17-list', 'The Missouri Bar keeps the Rule 17 list. Being on it is free.'),
    self('observe-co-mediate', 'Watch and co-mediate with a program that welcomes new mediators.'),
    self(
      'case-a-month',
      facts.casesLast30Days > 0
        ? `${facts.casesLast30Days} case${facts.casesLast30Days === 1 ? '' : 's'} in Parley in the last 30 days.`
        : 'Handle at least one case a month to keep your skills.',
      facts.casesLast30Days > 0,
    ),
    auto(
      'continuing-education',
      ce.met,
      ce.met
        ? `${ce.earnedHours} hours this year. You met the goal of ${ce.expectedHours}.`
        : `${ce.earnedHours} of ${ce.expectedHours} hours this year. ${ce.remainingHours} to go.`,
    ),
  ];
}
