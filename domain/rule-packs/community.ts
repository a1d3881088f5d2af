import { CONFIDENTIALITY_435_014, NO_LOCAL, READ } from './shared.ts';
import { cite, type RulePack } from './types.ts';

/** A community mediation center: voluntary, free or sliding scale, mediators assigned by the coordinator. */
export const communityPack: RulePack = {
  id: 'community-center',
  version: '2026-11-21',
  name: 'Community mediation center',
  programKind: 'community',
  intake: cite('community', 'center practice', READ),
  caseTypes: cite(
    [
      { id: 'neighbour', label: 'Neighbours' },
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
  optOut: cite({ allowed: false }, 'voluntary: nothing to opt out of', READ),
  cost: cite(
    { kind: 'sliding_scale_or_free', text: 'Mediation is free or costs what you can pay.' },
    'center practice',
    READ,
  ),
  attorneysAtSessions: cite(true, 'center practice', READ),
  companionsPerParty: cite(null, 'per program', READ),
  selection: cite(['appointment', 'rotation'], 'center practice: the coordinator assigns', READ),
  roster: cite({ kind: 'program' }, "center practice: the program's own mediators", READ),
  disqualification: cite(
    { denyWithinDays: null },
    'Model Standards of Conduct for Mediators II, III',
    '2005-08-01',
  ),
  requiredWritings: cite(['agreement_to_mediate'], 'RSMo 435.014: a written agreement to mediate', READ),
  confidentiality: CONFIDENTIALITY_435_014,
  electronicSignatures: cite(
    { agreementToMediate: true, settlement: true },
    '15 U.S.C. 7001 (ESIGN)',
    '2000-10-01',
  ),
  agreementSignedBy: cite('the parties', 'center practice', READ),
  agreementGoesTo: cite('no one else', 'center practice', READ),
  deadlines: [],
  nextSteps: cite(
    ['You can ask for mediation again later.', 'You can take the matter to court.'],
    'center practice',
    READ,
  ),
  local: NO_LOCAL,
  overridable: ['minimumHours', 'reportDeadlineDays', 'companionsPerParty', 'freeHours'],
};
