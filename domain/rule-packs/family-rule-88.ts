import { CONFIDENTIALITY_435_014, NO_LOCAL, READ } from './shared.ts';
import { cite, type RulePack } from './types.ts';

const R88 = '2022-07-01';

/** Circuit family mediation under Missouri Supreme Court Rule 88 (revised effective 1 July 2022). */
export const familyRule88Pack: RulePack = {
  id: 'mo-rule-88-family',
  version: '2026-11-21',
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
  optOut: cite({ allowed: false }, 'Rule 88.04 (no written opt-out)', R88),
  cost: cite(
    { kind: 'per_program', text: 'The program tells you in writing what mediation costs.' },
    'Rule 88.06(a)(1): costs disclosed in writing',
    R88,
  ),
  attorneysAtSessions: cite(
    true,
    'Rule 88.06(a)(5): parties are advised to get independent legal advice',
    R88,
  ),
  companionsPerParty: cite(null, 'per program', READ),
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
    { denyWithinDays: 10 },
    'Rule 88.04: a party may apply to disqualify the mediator for cause; an adverse party may deny within 10 days',
    R88,
  ),
  requiredWritings: cite(
    ['agreement_to_mediate', 'rule_88_06_disclosures'],
    'Rule 88.06(a): the mediator informs the parties in writing',
    R88,
  ),
  confidentiality: CONFIDENTIALITY_435_014,
  electronicSignatures: cite(
    { agreementToMediate: true, settlement: false },
    '15 U.S.C. 7003(a)(2): ESIGN does not apply to divorce or other family-law matters',
    '2000-10-01',
  ),
  agreementSignedBy: cite(
    'the parties and their attorneys, if any; binding only when approved by the court',
    'Rule 88.06(c)',
    R88,
  ),
  agreementGoesTo: cite('the court, for approval', 'Rule 88.06(c)', R88),
  deadlines: [
    {
      id: 'disqualification_denial',
      label: 'Time for the other party to deny the request to disqualify the mediator',
      from: 'disqualification_requested',
      days: 10,
      dayKind: 'calendar',
      metBy: 'disqualification_answered',
      warnDays: 3,
      cite: 'Rule 88.04: an adverse party may deny within 10 days',
      since: R88,
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
  local: NO_LOCAL,
  overridable: ['minimumHours', 'reportDeadlineDays', 'companionsPerParty', 'freeHours'],
};
