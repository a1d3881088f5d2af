import {
  agreementToMediate435,
  CHECKED,
  EXCEPTIONS,
  IDEA_CALENDAR_DAYS,
  NO_LOCAL,
  READ,
  UETA_READ,
} from './shared.ts';
import { cite, type RulePack } from './types.ts';

const IDEA = '2006-10-13';
const ECFR_300_506 = {
  source:
    'sites.ed.gov IDEA regulations, 34 CFR 300.506(b)(6)(i)–(ii) (page modified 2 May 2017); 20 U.S.C. 1415(e)(2)(F)–(G) (idea.ed.gov, sites.ed.gov)',
  read: CHECKED,
};
/** DESE's timelines as its parent-training partner and a district restate the State Plan. */
const STATE_PLAN_RESTATED = {
  source:
    'MPACT (Missouri Parents Act), Mediation page; Special School District of St. Louis County, family handbook (due process procedures)',
  read: CHECKED,
  confirmed: false as const,
};

/** Missouri's state special-education mediation, run by DESE under IDEA. */
export const specialEducationPack: RulePack = {
  id: 'mo-dese-special-education',
  version: '2026-11-26',
  name: 'Missouri special education mediation (IDEA, DESE)',
  programKind: 'special_education',
  intake: cite('special_education', 'DESE: a written request naming the student and district', READ),
  caseTypes: cite(
    [{ id: 'special_education', label: 'Special education disagreement' }],
    '34 CFR 300.506(a)',
    IDEA,
  ),
  issueTemplates: cite(
    [
      { id: 'identification', label: 'Identification' },
      { id: 'evaluation', label: 'Evaluation' },
      { id: 'educational_placement', label: 'Educational placement' },
      { id: 'provision_of_services', label: 'Provision of services (FAPE and related services)' },
    ],
    '34 CFR 300.506(a); DESE mediation page',
    IDEA,
  ),
  consent: cite('both_must_agree', '34 CFR 300.506(b)(1)(i): voluntary on the part of the parties', IDEA),
  screening: cite(
    'special_education',
    '34 CFR 300.506(b)(6)(iii): the agreement is signed by a district representative with authority to bind it; DESE practice: someone with decision-making power attends for the district; 34 CFR 300.506(b)(4): sessions at a place convenient to the parties',
    IDEA,
    {
      note: 'The questions are Parley’s: neither IDEA nor DESE prescribes a screening for special-education mediation.',
    },
  ),
  optOut: cite({ allowed: false }, '34 CFR 300.506(b)(1)(i): no order to opt out of', IDEA),
  cost: cite(
    { kind: 'free_state_pays', text: 'Mediation is free. The State of Missouri pays for it.' },
    '34 CFR 300.506(b)(4)',
    IDEA,
  ),
  attorneysAtSessions: cite(
    false,
    'Missouri State Plan for Special Education, mediation: no attorney participates or attends on behalf of any party',
    READ,
  ),
  companionsPerParty: cite(
    3,
    'DESE practice: no more than 3 people accompany each party unless both agree',
    READ,
  ),
  selection: cite(
    ['joint_choice', 'rotation'],
    '34 CFR 300.506(b)(3)(ii); DESE: parties choose jointly from the state list, the mediator must accept',
    IDEA,
  ),
  roster: cite(
    {
      kind: 'directory',
      roster: 'special_education',
      excludeAgency: 'Missouri Department of Elementary and Secondary Education',
    },
    '34 CFR 300.506(c)(1): not an employee of the SEA or the LEA involved, no conflicting interest',
    IDEA,
  ),
  disqualification: cite(
    { kind: 'program_decides', denyWithinDays: null, decidedBy: 'program' },
    '34 CFR 300.506(c)(1): an impartial mediator; the program decides a request to replace one',
    IDEA,
  ),
  requiredWritings: agreementToMediate435(
    'Whether RSMo 435.014 reaches special-education mediation was not confirmed; the written agreement is kept in any case.',
  ),
  confidentiality: cite(
    { statute: '20 U.S.C. 1415(e)(2)(G); 34 CFR 300.506(b)(6)(i)', exceptions: EXCEPTIONS },
    '20 U.S.C. 1415(e)(2)(G): discussions in mediation are confidential and may not be used as evidence in a later due process hearing or civil proceeding; 34 CFR 300.506(b)(6)(i): the agreement says so. The exceptions come from RSMo 210.115 and the parties’ agreement.',
    IDEA,
    ECFR_300_506,
  ),
  electronicSignatures: cite(
    { agreementToMediate: true },
    '15 U.S.C. 7001 (ESIGN); RSMo 432.230 (Missouri UETA: an electronic signature satisfies a law that requires a signature)',
    '2000-10-01',
  ),
  agreementSignedBy: cite(
    'the parent and a district representative with authority to bind the district',
    '34 CFR 300.506(b)(6)(ii)',
    IDEA,
  ),
  agreementGoesTo: cite('DESE, the state program', 'DESE practice: the mediator sends DESE a copy', READ),
  outcomes: cite(
    ['full_agreement', 'partial_agreement', 'no_agreement', 'withdrawn', 'not_suitable'],
    '34 CFR 300.506(b)(6): a dispute resolved through mediation ends in a legally binding written agreement signed by the parent and a representative with authority to bind the agency; RSMo 162.959.1: it may resolve all or only some issues. So a case cannot close on an unwritten ("informal") agreement.',
    IDEA,
    ECFR_300_506,
  ),
  deadlines: [
    {
      id: 'session_scheduled',
      label: 'First session scheduled (a date set)',
      from: 'mediator_chosen',
      days: 15,
      dayKind: 'calendar',
      counting: IDEA_CALENDAR_DAYS,
      metBy: 'session_scheduled',
      warnDays: 5,
      cite: 'Missouri State Plan for Special Education, mediation, as restated by MPACT and districts: the session is SCHEDULED within 15 days of picking the mediator. Scheduled means a date is set; the session itself may come later, within the 30 days below.',
      since: READ,
      ...STATE_PLAN_RESTATED,
      note: 'The State Plan itself was not read. Both restatements say "scheduled", and one sets "held" apart ("scheduled within 15 days and held within 30 days from agreement to mediate").',
    },
    {
      id: 'mediation_completed',
      label: 'Mediation completed',
      from: 'consented',
      days: 30,
      dayKind: 'calendar',
      counting: IDEA_CALENDAR_DAYS,
      metBy: 'completed',
      warnDays: 7,
      cite: 'Missouri State Plan for Special Education, mediation, as restated by MPACT: completed within 30 days of agreeing to mediate',
      since: READ,
      ...STATE_PLAN_RESTATED,
      note: 'The State Plan itself was not read. MPACT says "completed"; the district handbook says "held". Parley counts it met when the case closes.',
    },
  ],
  nextSteps: cite(
    [
      'You can file a due process complaint with DESE. A hearing officer decides.',
      'You can file a child complaint with DESE. DESE looks into it and decides.',
      'You can ask for mediation again later.',
    ],
    '34 CFR 300.506(b)(1)(ii): mediation may not delay a hearing; 34 CFR 300.151–153 (state complaints)',
    IDEA,
  ),
  retention: cite(
    { closedCaseYears: 5 },
    '2 CFR 200.334 (federal award records: three years after the final expenditure report); 34 CFR 300.624 (destroying information no longer needed, after telling the parents)',
    '2014-12-26',
    {
      confirmed: false,
      note: "DESE's own records retention schedule (the Missouri Secretary of State's schedule for the department) was not read. Five years covers the federal three years counted from a grant year's final report, which can come up to two years after the case closes.",
    },
  ),
  local: NO_LOCAL,
  overridable: ['reportDeadlineDays'],
  choices: {
    settlementSignature: {
      value: 'electronic',
      options: ['electronic', 'ink'],
      cite: '34 CFR 300.506(b)(6)(ii): signed by the parent and an agency representative with authority; an electronic signature is a signature under ESIGN (15 U.S.C. 7001) and Missouri’s UETA (RSMo 432.230) between parties who agreed to sign electronically (RSMo 432.220.2). A program may require ink.',
      since: IDEA,
      ...UETA_READ,
    },
    courtReport: {
      value: 'settlement_and_attendance',
      options: ['settlement_only', 'settlement_and_attendance'],
      cite: 'DESE practice: the state office learns whether mediation was held and receives a copy of any agreement (IDEA Part B dispute-resolution data counts mediations held and their agreements)',
      since: READ,
      confirmed: false,
      note: 'DESE is an agency, not a court. That the report names who attended is the practice described in Parley’s source texts, not confirmed against the State Plan.',
    },
  },
};
