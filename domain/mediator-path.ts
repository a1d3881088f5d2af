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

/** A step's detail line as a message of the `association` catalog (become.detail.<key>) and its numbers. */
export type PathDetail = {
  key: 'coreDone' | 'coreSoFar' | 'rule17' | 'observe' | 'casesRecent' | 'caseAMonth' | 'ceMet' | 'ceSoFar';
  args: Record<string, number>;
};

export type PathStepState = {
  step: PathStep;
  done: boolean;
  /** 'parley' when Parley ticked it from what it can see, 'you' when the person did. */
  tickedBy: 'parley' | 'you' | null;
  /** Whether the person may tick or untick it (steps Parley cannot see). */
  selfTickable: boolean;
  detail: PathDetail;
};

export function pathChecklist(facts: PathFacts): PathStepState[] {
  const coreHours = facts.courses.filter((c) => CORE_KINDS.includes(c.kind)).reduce((s, c) => s + c.hours, 0);
  const ce = ceProgress(facts.courses, facts.now.getUTCFullYear(), CE_HOURS_PER_YEAR);
  const ticked = (step: PathStep) => facts.selfTicked.includes(step);
  const auto = (step: PathStep, done: boolean, detail: PathDetail): PathStepState => ({
    step,
    done,
    tickedBy: done ? 'parley' : null,
    selfTickable: false,
    detail,
  });
  const self = (step: PathStep, detail: PathDetail, seen = false): PathStepState => ({
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
        ? { key: 'coreDone', args: { hours: coreHours } }
        : {
            key: 'coreSoFar',
            args: {
              hours: coreHours,
              needed: RULE_17_TRAINING_HOURS,
              left: RULE_17_TRAINING_HOURS - coreHours,
            },
          },
    ),
    self('rule-17-list', { key: 'rule17', args: {} }),
    self('observe-co-mediate', { key: 'observe', args: {} }),
    self(
      'case-a-month',
      facts.casesLast30Days > 0
        ? { key: 'casesRecent', args: { count: facts.casesLast30Days } }
        : { key: 'caseAMonth', args: {} },
      facts.casesLast30Days > 0,
    ),
    auto(
      'continuing-education',
      ce.met,
      ce.met
        ? { key: 'ceMet', args: { hours: ce.earnedHours, goal: ce.expectedHours } }
        : {
            key: 'ceSoFar',
            args: { hours: ce.earnedHours, goal: ce.expectedHours, left: ce.remainingHours },
          },
    ),
  ];
}
