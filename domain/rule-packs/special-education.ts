import { CONFIDENTIALITY_435_014, NO_LOCAL, READ } from './shared.ts';
import { cite, type RulePack } from './types.ts';

const IDEA = '2006-10-13';

/** Missouri's state special-education mediation, run by DESE under IDEA. */
export const specialEducationPack: RulePack = {
  id: 'mo-dese-special-education',
  version: '2026-11-21',
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
  disqualification: cite({ denyWithinDays: null }, '34 CFR 300.506(c)(1): impartiality', IDEA),
  requiredWritings: cite(['agreement_to_mediate'], 'RSMo 435.014: a written agreement to mediate', READ),
  confidentiality: CONFIDENTIALITY_435_014,
  electronicSignatures: cite(
    { agreementToMediate: true, settlement: true },
    '15 U.S.C. 7001 (ESIGN); 34 CFR 300.506(b)(6)',
    '2000-10-01',
  ),
  agreementSignedBy: cite(
    'the parent and a district representative with authority to bind the district',
    '34 CFR 300.506(b)(6)(ii)',
    IDEA,
  ),
  agreementGoesTo: cite('a copy to DESE', 'DESE practice: the mediator sends DESE a copy', READ),
  deadlines: [
    {
      id: 'session_scheduled',
      label: 'First session held',
      from: 'mediator_chosen',
      days: 15,
      dayKind: 'calendar',
      metBy: 'session_held',
      warnDays: 5,
      cite: 'DESE practice: the session is scheduled within 15 days of choosing the mediator',
      since: READ,
    },
    {
      id: 'mediation_completed',
      label: 'Mediation completed',
      from: 'consented',
      days: 30,
      dayKind: 'calendar',
      metBy: 'completed',
      warnDays: 7,
      cite: 'DESE practice: mediation completed within 30 days of agreeing to mediate',
      since: READ,
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
  local: NO_LOCAL,
  overridable: ['reportDeadlineDays'],
};
