import {
  ANY_OUTCOME,
  CHECKED,
  COMPANIONS_PER_PROGRAM,
  COURT_COUNTING,
  COURT_REFERRED_RETENTION,
  EVERY_LOCAL_RULE,
  EXCEPTIONS,
  NO_LOCAL,
  SETTLEMENT_ONLY_REPORT,
} from './shared.ts';
import { cite, type RulePack } from './types.ts';

const R88 = '2022-07-01';
/** Rule 88.04 and 88.08 as revised effective 1 July 2022 (order of 21 December 2021). */
const RULE_88_READ = {
  source:
    'casetext, Mo. R. Civ. P. 88.04 and 88.08 as amended through 1 October 2024; courts.mo.gov, order of 21 December 2021 (effective 1 July 2022) revising 88.02–88.05 and 88.08',
  read: CHECKED,
};
/** Rule 88.06 was not revised in 2022 and was read only from an unofficial copy. */
const RULE_88_06_READ = {
  source: 'an unofficial web copy of Rule 88.06 (Mediation — Duties of the Mediator)',
  read: CHECKED,
  confirmed: false as const,
  note: 'Rule 88.06 was not read on courts.mo.gov; the 2021 order revising Rule 88 does not list 88.06 among the subdivisions it replaced.',
};

/** Circuit family mediation under Missouri Supreme Court Rule 88 (revised effective 1 July 2022). */
export const familyRule88Pack: RulePack = {
  id: 'mo-rule-88-family',
  version: '2026-11-26',
  name: 'Missouri circuit family mediation (Rule 88)',
  programKind: 'family',
  intake: cite('court_referral', 'Rule 88.04: the court orders mediation', R88),
  caseTypes: cite([{ id: 'family', label: 'Family case (Rule 88)' }], 'Rule 88.02–88.08', R88),
  issueTemplates: cite(
    [
      { id: 'custody', label: 'Child custody' },
      { id: 'parenting_time', label: 'Parenting time' },
      { id: 'parenting_plan', label: 'Parenting plan' },
      { id: 'child_support', label: 'Child support' },
      { id: 'maintenance', label: 'Maintenance (alimony)' },
      { id: 'property_division', label: 'Property and debt division' },
    ],
    'Rule 88.04: custody, parenting time, parenting plans, child support, maintenance or property division',
    R88,
  ),
  consent: cite(
    'court_ordered',
    'Rule 88.04: the court may order mediation; settlement stays voluntary',
    R88,
  ),
  screening: cite(
    'abuse',
    'Rule 88.05: family mediators are trained in violence and power imbalance; circuits screen intake for domestic violence (7th Circuit; St. Louis County exempts cases with a history of it)',
    R88,
    RULE_88_READ,
  ),
  optOut: cite({ allowed: false }, 'Rule 88.04 (no written opt-out)', R88),
  cost: cite(
    { kind: 'per_program', text: 'The mediator tells you in writing, in dollars, what mediation costs.' },
    'Rule 88.06(a)(1): the mediator informs the parties in writing of the costs of mediation',
    R88,
    RULE_88_06_READ,
  ),
  attorneysAtSessions: cite(
    true,
    'Rule 88.06(a)(5): parties are advised to get independent legal advice',
    R88,
  ),
  companionsPerParty: COMPANIONS_PER_PROGRAM,
  selection: cite(
    ['appointment', 'joint_choice'],
    'Rule 88.04: the court appoints or the parties agree',
    R88,
  ),
  roster: cite(
    { kind: 'directory', roster: 'rule88', excludeAgency: null },
    'Rule 88.05: attorney or listed graduate degree, 20 hours child-custody mediation training',
    R88,
  ),
  disqualification: cite(
    { kind: 'rule_88_04', denyWithinDays: 10, dayKind: 'court', decidedBy: 'court' },
    'Rule 88.04(e): after a mediator is assigned, a party may file a written application to disqualify the mediator for cause, served on all interested parties with notice of when it will be presented to the court. Within 10 days of its filing any adverse party may file a denial. Denied, the court may hear evidence and decides. If the court finds for the applicant, or no denial is filed, a new mediator is appointed as Rule 88.04(d) provides.',
    R88,
    RULE_88_READ,
  ),
  requiredWritings: cite(
    ['agreement_to_mediate', 'rule_88_06_disclosures'],
    'Rule 88.06(a): the mediator informs the parties in writing',
    R88,
    RULE_88_06_READ,
  ),
  confidentiality: cite(
    { statute: 'Rule 88.08', exceptions: EXCEPTIONS },
    'Rule 88.08(a)–(b): mediation is a settlement proceeding; what is said about the dispute is confidential and inadmissible (except what Rule 88.06(a)(6) releases), and the mediator cannot be compelled to disclose it. The exceptions come from RSMo 210.115 and the parties’ agreement.',
    R88,
    RULE_88_READ,
  ),
  electronicSignatures: cite(
    { agreementToMediate: true },
    'RSMo 432.230 (Missouri UETA): an electronic signature satisfies a law that requires a signature; the Agreement to Mediate is not a court document',
    '2003-08-28',
  ),
  agreementSignedBy: cite(
    'the parties and their attorneys, if any; binding only when approved by the court',
    'Rule 88.06(c); Rule 88.08(d): a written document setting out the essential terms, executed after the mediation ends',
    R88,
    RULE_88_06_READ,
  ),
  agreementGoesTo: cite('the court, for approval', 'Rule 88.06(c)', R88, RULE_88_06_READ),
  outcomes: ANY_OUTCOME,
  deadlines: [
    {
      id: 'disqualification_denial',
      label: 'Last day for the other party to deny the application to disqualify the mediator',
      from: 'disqualification_requested',
      days: 10,
      dayKind: 'court',
      counting: COURT_COUNTING,
      metBy: 'disqualification_answered',
      warnDays: 3,
      cite: 'Rule 88.04(e): within 10 days of the application being filed, any adverse party may file a denial',
      since: R88,
      ...RULE_88_READ,
    },
  ],
  nextSteps: cite(
    [
      'Your case goes back to the judge, who can decide the issues.',
      'You can ask for mediation again later.',
      'You can talk with a lawyer about your choices.',
    ],
    'Rule 88.04',
    R88,
  ),
  retention: COURT_REFERRED_RETENTION,
  local: NO_LOCAL,
  overridable: EVERY_LOCAL_RULE,
  choices: {
    settlementSignature: {
      value: 'ink',
      options: ['ink', 'electronic'],
      cite: '15 U.S.C. 7003(a)(2): ESIGN does not reach a record governed by state law on "adoption, divorce, or other matters of family law". Missouri’s UETA excludes only wills, codicils, testamentary trusts and most of the UCC (RSMo 432.210.2), so it does not bar an electronic family settlement between parties who agreed to sign electronically (432.220.2), and leaves its legal effect to other law (432.220.5): the court that must approve it (Rule 88.06(c)). Ink unless the program’s court accepts electronic signatures.',
      since: '2003-08-28',
      source:
        'lawserver.com and the GPO text of 15 U.S.C. 7003; ally-law.com (Evans & Dixon) quoting RSMo 432.210; statutes.laws-info.com, RSMo 432.220',
      read: CHECKED,
      confirmed: false,
      note: 'Missouri’s UETA was read in secondary copies, not on revisor.mo.gov; no circuit’s practice on electronically signed family settlements was read.',
    },
    courtReport: {
      ...SETTLEMENT_ONLY_REPORT,
      note: `${SETTLEMENT_ONLY_REPORT.note} Rule 88.06(c) (read from an unofficial copy) adds: if a party has no lawyer, the mediator gives the court the written summary of any understanding reached.`,
    },
  },
};
