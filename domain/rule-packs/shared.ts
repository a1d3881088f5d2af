import { RULE_44_01 } from '../court-days.ts';
import { RSMO_9_010 } from '../missouri-holidays.ts';
import { OUTCOMES } from '../outcomes.ts';
import type { ScreeningKind } from '../screening.ts';
import {
  type Choice,
  type ConfidentialityException,
  type CourtReportScope,
  cite,
  type RulePack,
} from './types.ts';

// Rules several packs share. "Read" dates are the day the text was checked against its source,
// where the source gives no effective date.
export const READ = '2026-11-21';
/** The day the rules below were checked against the texts named beside them. */
export const CHECKED = '2026-11-26';

/** How court days are counted: Rule 44.01(a) with RSMo 9.010's holidays. */
export const COURT_COUNTING = `counted as the court counts: ${RULE_44_01.cite}, with the legal holidays of ${RSMO_9_010.cite}`;
/**
 * 34 CFR 300.11(a): in the IDEA regulations "day" means calendar day unless otherwise indicated
 * as business day or school day (read 2026-11-26 in the Department of Education's topic brief
 * "Definition of Day; Business Day; School Day", archived, and the 2006 Part B preamble on § 300.11).
 */
export const IDEA_CALENDAR_DAYS = '34 CFR 300.11(a): calendar days, weekends and holidays included';

/**
 * Suspected child abuse or neglect. RSMo 210.115.1 lists who must report (physicians, nurses,
 * psychologists, mental health professionals, social workers, teachers and other school officials,
 * ministers, child-care workers, peace officers and others): a mediator must report only when
 * their own profession is on that list; anyone else may report. Mediation is no exception to it.
 */
const CHILD_ABUSE: ConfidentialityException = {
  id: 'suspected_child_abuse',
  text: 'a reason to think a child has been, or may be, abused or neglected',
  duty: 'depends_on_profession',
  dutyText:
    'A mediator whose job makes them a mandated reporter under Missouri law (for example a social worker, counselor, psychologist, teacher or minister) must report it to the state’s Children’s Division. Any other mediator may report it.',
  cite: 'RSMo 210.115.1 (who must report, by profession); RSMo 210.115 (anyone else may report)',
  since: CHECKED,
  source:
    'Missouri Department of Social Services, Child Welfare Manual, Section 2, Chapter 1.1 (mandated reporters under 210.115, effective 15 April 2019); the text of 210.115.1 from a statute copy',
  read: CHECKED,
  note: 'Mediators as such are not on the 210.115.1 list; the 7th Circuit’s family mediation rule (Local Rule 68.8.2) also leaves reasonable suspicion of child abuse or neglect out of its intake confidentiality.',
};

/**
 * A threat of serious harm. No Missouri statute or Supreme Court rule read makes a mediator report
 * it: the parties agree in the Agreement to Mediate that the mediator may warn; a mediator who is a
 * lawyer may also reveal a client's information to prevent death or substantial bodily harm
 * (Rule 4-1.6(b)(1)); other professions have their own duties.
 */
const SERIOUS_HARM: ConfidentialityException = {
  id: 'threat_of_serious_harm',
  text: 'a threat to seriously hurt or kill someone',
  duty: 'may_disclose',
  dutyText:
    'The mediator may warn the person in danger or the police. You agree to this when you sign the Agreement to Mediate.',
  cite: 'the parties’ written Agreement to Mediate; compare Rule 4-1.6(b)(1) (a lawyer may reveal information to prevent death or substantial bodily harm)',
  since: '2017-09-26',
  source:
    'Rule 4-1.6 as amended through 1 October 2024 (casetext copy); Missouri Legal Ethics Counsel, Informal Opinion 2019-05',
  read: CHECKED,
  confirmed: false,
  note: 'Whether the parties’ agreement lets a mediator disclose a threat despite the confidentiality of mediation (Rule 88.08, Rule 17.06, 20 U.S.C. 1415(e)(2)(G)) is a question of law no text read settles; a mediator’s own profession may add a duty (for example a mental health professional’s duty to warn).',
};

export const EXCEPTIONS: ConfidentialityException[] = [CHILD_ABUSE, SERIOUS_HARM];

/** RSMo 435.014: settlement negotiations; its exceptions are not listed in it (they come from the laws above). */
export const CONFIDENTIALITY_435_014 = cite(
  { statute: 'RSMo 435.014', exceptions: EXCEPTIONS },
  'RSMo 435.014 (mediation as settlement negotiations; SB 256 (2025) proposed replacing it with 435.300–435.312). The exceptions come from RSMo 210.115 and the parties’ agreement, not from 435.014.',
  READ,
  {
    read: CHECKED,
    confirmed: false,
    note: 'The text of 435.014 was not read (only SB 256’s introduced text, which would repeal it); whether SB 256 passed was not confirmed.',
  },
);

export const NO_LOCAL = {
  minimumHours: cite<number | null>(null, 'no statewide minimum', READ),
  reportDeadlineDays: cite<number | null>(null, 'no statewide report deadline', READ),
  freeHours: cite<number | null>(null, 'no free-hours allowance unless the program sets one', READ),
};

/** Every outcome: no rule of the court and community packs narrows how a case may close. */
export const ANY_OUTCOME = cite(OUTCOMES, 'no rule narrows how the case may close', READ);

/** A report that says only whether the dispute settled: the narrowest every circuit read allows. */
export const SETTLEMENT_ONLY_REPORT: Choice<CourtReportScope> = {
  value: 'settlement_only',
  options: ['settlement_only', 'settlement_and_attendance'],
  cite: '7th Circuit civil mediation rules: the court is told within ten days of the end of mediation only whether the parties resolved their dispute or issues remain. A program whose circuit allows more (whether mediation took place, who attended) chooses it and cites its local rule.',
  since: CHECKED,
  source: 'circuit7.net, Office of Dispute Resolution Services, civil Rules of Mediation',
  read: CHECKED,
  note: 'No statewide rule on the report’s contents was found; the narrowest report is the default so that no circuit is told more than its rule allows.',
};

/** Missouri's UETA as read: a law firm's summary quoting 432.210 and 432.230, and a copy of 432.220. */
export const UETA_READ = {
  source:
    'ally-law.com (Evans & Dixon) quoting RSMo 432.210 and 432.230; statutes.laws-info.com, RSMo 432.220',
  read: CHECKED,
};

/**
 * How long a court-referred case's records are kept. A mediator's or program's file is not a court
 * record, so Court Operating Rule 8 (the courts' uniform records schedule) is a guide by analogy,
 * not a rule binding the program; COR 8.01(d) lets the courts destroy electronic records kept five
 * years or less once their schedule is met.
 */
export const COURT_REFERRED_RETENTION = cite(
  { closedCaseYears: 5 },
  "Missouri Supreme Court Operating Rule 8 (the courts' records retention schedule), by analogy; the program's own schedule governs",
  '2018-07-01',
  {
    source:
      'courts.mo.gov, order of 11 May 2018 adopting COR 8 (8.01(d)); casetext copy of COR 8.03 and 8.04',
    read: CHECKED,
    confirmed: false,
    note: "No Missouri rule read sets how long a mediator or mediation program keeps its own file; COR 8.04's figures for circuit family and civil case files were not read. Five years is Parley's default until the program names its schedule.",
  },
);

/** Safety and the ability to take part, where no rule names a screening (court civil cases, centers). */
export const MODEL_STANDARDS_SCREENING = cite<ScreeningKind>(
  'general',
  'Model Standards of Conduct for Mediators VI: quality of the process (safety, capacity)',
  '2005-08-01',
);

/** The written Agreement to Mediate RSMo 435.014 asks for; the note says what of it was not read. */
export const agreementToMediate435 = (note = 'The text of RSMo 435.014 was not read.') =>
  cite<'agreement_to_mediate'[]>(
    ['agreement_to_mediate'],
    'RSMo 435.014: a written agreement to mediate',
    READ,
    {
      confirmed: false,
      note,
    },
  );

/** The Agreement to Mediate signed electronically under ESIGN and Missouri's UETA. */
export const ESIGN_UETA_AGREEMENT = cite(
  { agreementToMediate: true },
  '15 U.S.C. 7001 (ESIGN); RSMo 432.230 (Missouri UETA)',
  '2000-10-01',
);

/** No rule limits who comes with a party: the program decides. */
export const COMPANIONS_PER_PROGRAM = cite<number | null>(null, 'per program', READ);

/** Every local rule a program may set where no rule of the pack fixes it. */
export const EVERY_LOCAL_RULE: RulePack['overridable'] = [
  'minimumHours',
  'reportDeadlineDays',
  'companionsPerParty',
  'freeHours',
];
