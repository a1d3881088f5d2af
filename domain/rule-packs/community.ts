import {
  ANY_OUTCOME,
  agreementToMediate435,
  COMPANIONS_PER_PROGRAM,
  CONFIDENTIALITY_435_014,
  ESIGN_UETA_AGREEMENT,
  EVERY_LOCAL_RULE,
  MODEL_STANDARDS_SCREENING,
  NO_LOCAL,
  READ,
  SETTLEMENT_ONLY_REPORT,
} from './shared.ts';
import { cite, type RulePack } from './types.ts';

/** A community mediation center: voluntary, free or sliding scale, mediators assigned by the coordinator. */
export const communityPack: RulePack = {
  id: 'community-center',
  version: '2026-11-26',
  name: 'Community mediation center',
  programKind: 'community',
  intake: cite('community', 'center practice', READ),
  caseTypes: cite(
    [
      { id: 'neighbour', label: 'Neighbors' },
      { id: 'landlord_tenant', label: 'Landlord and tenant' },
      { id: 'family', label: 'Family' },
      { id: 'workplace', label: 'Workplace' },
      { id: 'attorney_fee', label: 'Attorney fee' },
    ],
    'center practice',
    READ,
  ),
  issueTemplates: cite([], 'center practice: issues in the parties’ own words', READ),
  consent: cite('voluntary', 'center practice: both take part by choice', READ),
  screening: MODEL_STANDARDS_SCREENING,
  optOut: cite({ allowed: false }, 'voluntary: nothing to opt out of', READ),
  cost: cite(
    { kind: 'sliding_scale_or_free', text: 'Mediation is free or costs what you can pay.' },
    'center practice',
    READ,
  ),
  attorneysAtSessions: cite(true, 'center practice', READ),
  companionsPerParty: COMPANIONS_PER_PROGRAM,
  selection: cite(['appointment', 'rotation'], 'center practice: the coordinator assigns', READ),
  roster: cite({ kind: 'program' }, "center practice: the program's own mediators", READ),
  disqualification: cite(
    { kind: 'program_decides', denyWithinDays: null, decidedBy: 'program' },
    'Model Standards of Conduct for Mediators II, III',
    '2005-08-01',
  ),
  requiredWritings: agreementToMediate435(),
  confidentiality: CONFIDENTIALITY_435_014,
  electronicSignatures: ESIGN_UETA_AGREEMENT,
  agreementSignedBy: cite('the parties', 'center practice', READ),
  agreementGoesTo: cite('no one else', 'center practice', READ),
  outcomes: ANY_OUTCOME,
  deadlines: [],
  nextSteps: cite(
    ['You can ask for mediation again later.', 'You can take the matter to court.'],
    'center practice',
    READ,
  ),
  retention: cite({ closedCaseYears: 3 }, 'center practice: three years after the case closes', READ, {
    confirmed: false,
    note: 'No statute read sets how long a community mediation center keeps a closed file; three years is a common center practice, not a rule. A center names its own schedule.',
  }),
  local: NO_LOCAL,
  overridable: EVERY_LOCAL_RULE,
  choices: {
    settlementSignature: {
      value: 'electronic',
      options: ['electronic', 'ink'],
      cite: 'ESIGN (15 U.S.C. 7001) and Missouri’s UETA (RSMo 432.230), between parties who agreed to sign electronically (RSMo 432.220.2); a center may require ink',
      since: '2003-08-28',
    },
    courtReport: {
      value: 'settlement_only',
      options: SETTLEMENT_ONLY_REPORT.options,
      cite: 'center practice: a community case has no court; if a court asks, it is told only whether the dispute was resolved',
      since: READ,
    },
  },
};
