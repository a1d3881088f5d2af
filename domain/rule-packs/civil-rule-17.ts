import { CONFIDENTIALITY_435_014, NO_LOCAL, READ } from './shared.ts';
import { cite, type RulePack } from './types.ts';

const R17 = '2022-07-01';

/** Circuit civil mediation under Missouri Supreme Court Rule 17 (17.03 as of 1 July 2022). */
export const civilRule17Pack: RulePack = {
  id: 'mo-rule-17-civil',
  version: '2026-11-21',
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
    'Rule 17.03: counsel may opt out in writing within thirty days before the deadline to begin',
    R17,
  ),
  optOut: cite({ allowed: true }, 'Rule 17.03', R17),
  cost: cite(
    { kind: 'per_program', text: 'The program tells you what mediation costs.' },
    'per program',
    READ,
  ),
  attorneysAtSessions: cite(true, 'Rule 17.02: counsel advise their clients about ADR', R17),
  companionsPerParty: cite(null, 'per program', READ),
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
  disqualification: cite({ denyWithinDays: null }, 'Rule 17.03 (court selects)', R17),
  requiredWritings: cite(['agreement_to_mediate'], 'RSMo 435.014: a written agreement to mediate', READ),
  confidentiality: CONFIDENTIALITY_435_014,
  electronicSignatures: cite(
    { agreementToMediate: true, settlement: true },
    '15 U.S.C. 7001 (ESIGN)',
    '2000-10-01',
  ),
  agreementSignedBy: cite('the parties, after the process ends', 'Rule 17.06(c)', R17),
  agreementGoesTo: cite('per court', 'Rule 17.06', R17),
  deadlines: [
    {
      id: 'opt_out_window',
      label: 'Last day to opt out in writing',
      from: 'begin_by',
      days: -30,
      dayKind: 'calendar',
      metBy: 'opt_out_decided',
      warnDays: 5,
      cite: 'Rule 17.03: written opt-out within thirty days before the deadline to begin',
      since: R17,
    },
  ],
  nextSteps: cite(
    ['Your case goes back to the court.', 'You can ask for mediation again later.'],
    'Rule 17.03',
    R17,
  ),
  local: NO_LOCAL,
  overridable: ['minimumHours', 'reportDeadlineDays', 'companionsPerParty', 'freeHours'],
};
