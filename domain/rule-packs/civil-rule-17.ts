import {
  ANY_OUTCOME,
  agreementToMediate435,
  CHECKED,
  COMPANIONS_PER_PROGRAM,
  COURT_REFERRED_RETENTION,
  ESIGN_UETA_AGREEMENT,
  EVERY_LOCAL_RULE,
  EXCEPTIONS,
  MODEL_STANDARDS_SCREENING,
  NO_LOCAL,
  READ,
  SETTLEMENT_ONLY_REPORT,
  UETA_READ,
} from './shared.ts';
import { cite, type RulePack } from './types.ts';

const R17 = '2022-07-01';
const RULE_17_03_READ = {
  source: 'courts.mo.gov clerk handbooks, Supreme Court Rules, 17.03 (revised, effective 1 July 2022)',
  read: CHECKED,
};

/** Circuit civil mediation under Missouri Supreme Court Rule 17 (17.03 as of 1 July 2022). */
export const civilRule17Pack: RulePack = {
  id: 'mo-rule-17-civil',
  version: '2026-11-26',
  name: 'Missouri circuit civil mediation (Rule 17)',
  programKind: 'civil',
  intake: cite('court_referral', 'Rule 17.03: referral by the court', R17),
  caseTypes: cite(
    [
      { id: 'civil_claim', label: 'Civil claim' },
      { id: 'small_claims', label: 'Small claims' },
      { id: 'landlord_tenant', label: 'Landlord and tenant' },
    ],
    'Rule 17.01: civil disputes other than Rule 88.02–88.08 cases',
    R17,
  ),
  issueTemplates: cite(
    [
      { id: 'money_claimed', label: 'Money claimed' },
      { id: 'repairs_or_performance', label: 'Repairs or work to be done' },
      { id: 'possession', label: 'Possession of property' },
    ],
    'Rule 17.01',
    R17,
  ),
  consent: cite(
    'court_referred_opt_out',
    'Rule 17.03(a)–(b): the court refers the case; counsel may opt out by advising the court in writing within thirty days before the deadline to begin',
    R17,
    RULE_17_03_READ,
  ),
  screening: MODEL_STANDARDS_SCREENING,
  optOut: cite(
    {
      allowed: true,
      windowDays: 30,
      before: 'begin_by',
      filedBy: 'counsel',
      conferralRequired: true,
      effect: 'ends_referral',
    },
    'Rule 17.03(b): if counsel for any party, after conferring with their clients, all other attorneys and unrepresented parties, conclude that ADR has no reasonable chance of being productive, they may opt out by advising the court in writing within thirty days before the deadline to begin. The matter is not referred again absent compelling circumstances, which the court sets out in its order.',
    R17,
    {
      ...RULE_17_03_READ,
      note: 'Read as the thirty days just before the deadline to begin, that day itself not counted (as Rule 44.01(a) leaves out the day of the event). Not settled by the text: whether a court takes an opt-out filed before the window opens, and whether a party without a lawyer may opt out (the rule speaks of counsel).',
    },
  ),
  cost: cite(
    { kind: 'per_program', text: 'The program tells you what mediation costs.' },
    'per program',
    READ,
  ),
  attorneysAtSessions: cite(true, 'Rule 17.02: counsel advise their clients about ADR', R17),
  companionsPerParty: COMPANIONS_PER_PROGRAM,
  selection: cite(
    ['joint_choice', 'appointment'],
    'Rule 17.03: the parties agree on a neutral, else the court selects a qualified one',
    R17,
  ),
  roster: cite(
    { kind: 'directory', roster: 'rule17', excludeAgency: null },
    'Rule 17 list: at least 16 hours of formal mediation training',
    R17,
  ),
  disqualification: cite(
    { kind: 'program_decides', denyWithinDays: null, decidedBy: 'program' },
    'Rule 17.03(c)–(d): the parties agree on a neutral or the court selects one, and the parties may agree on a different neutral at any time; Rule 17 sets no disqualification procedure',
    R17,
    RULE_17_03_READ,
  ),
  requiredWritings: agreementToMediate435(),
  confidentiality: cite(
    { statute: 'Rule 17.06', exceptions: EXCEPTIONS },
    'Rule 17.06: what is said in alternative dispute resolution is confidential, and a settlement is a written document executed after the process ends (17.06(c)). The exceptions come from RSMo 210.115 and the parties’ agreement.',
    R17,
    {
      source:
        '17.06(c) as quoted by the Resolution Systems Institute (2010); the 7th Circuit’s civil Rules of Mediation, which restate the confidentiality rule',
      read: CHECKED,
      confirmed: false,
      note: 'The official text of Rule 17.06(a)–(b) was not read.',
    },
  ),
  electronicSignatures: ESIGN_UETA_AGREEMENT,
  agreementSignedBy: cite('the parties, after the process ends', 'Rule 17.06(c)', R17),
  agreementGoesTo: cite('the court, as the court directs', 'Rule 17.06', R17),
  outcomes: ANY_OUTCOME,
  deadlines: [
    {
      id: 'opt_out_window',
      label: 'Last day to opt out in writing (the window opens 30 days before the deadline to begin)',
      from: 'begin_by',
      days: -1,
      dayKind: 'court',
      counting:
        'Rule 17.03(b): the thirty days before the deadline to begin, that day not counted; a window counted back from a court’s date is not moved off a weekend',
      metBy: 'opt_out_decided',
      warnDays: 5,
      cite: 'Rule 17.03(b): written opt-out within thirty days before the deadline to begin',
      since: R17,
      ...RULE_17_03_READ,
    },
  ],
  nextSteps: cite(
    ['Your case goes back to the court.', 'You can ask for mediation again later.'],
    'Rule 17.03',
    R17,
  ),
  retention: COURT_REFERRED_RETENTION,
  local: NO_LOCAL,
  overridable: EVERY_LOCAL_RULE,
  choices: {
    settlementSignature: {
      value: 'electronic',
      options: ['electronic', 'ink'],
      cite: 'The settlement is the parties’ contract (Rule 17.06(c)), not a court filing: an electronic signature is a signature under ESIGN (15 U.S.C. 7001) and Missouri’s UETA (RSMo 432.230) between parties who agreed to sign electronically (RSMo 432.220.2). A program may require ink.',
      since: '2003-08-28',
      ...UETA_READ,
      confirmed: false,
      note: 'Missouri’s UETA was read in secondary copies, not on revisor.mo.gov.',
    },
    courtReport: SETTLEMENT_ONLY_REPORT,
  },
};
