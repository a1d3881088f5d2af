import type { CaseView } from './types.ts';

/**
 * The steps of the mediation a person may open from the case page, following the case policy of
 * each step's API: preparation for each party and the mediator; sessions for everyone on the case;
 * the issues board and the draft agreement for the people at the table and the mediator (the
 * program reads the agreement once it is signed); private notes for the mediator alone; the
 * outcome once the mediator closed the case, and the survey for the parties then; the promises
 * once the agreement is signed.
 */
export type Step = { to: string; label: string; hint: string };

const MEDIATION_STATES = ['ready_to_schedule', 'in_mediation'];

export function caseSteps(c: CaseView): Step[] {
  const reached =
    MEDIATION_STATES.includes(c.state) || c.mediation.outcome !== null || c.mediation.agreementSigned;
  if (!reached) return [];
  const base = `/cases/${c.id}`;
  const kind = c.viewer.kind;
  const mediator = kind === 'mediator' && Boolean(c.mediator?.isMe);
  const party = kind === 'party';
  const atTable = mediator || party || kind === 'companion';
  const steps: (Step | false)[] = [
    (party || mediator) && {
      to: `${base}/preparation`,
      label: 'Preparation',
      hint: party ? 'Get ready: your view, your goals, your worries.' : 'Read each side’s preparation.',
    },
    {
      to: `${base}/sessions`,
      label: 'Sessions',
      hint: mediator ? 'Set sessions and record who came.' : 'When and where you meet.',
    },
    atTable && {
      to: `${base}/issues`,
      label: 'Issues and options',
      hint: 'What you are working on together.',
    },
    (atTable || c.mediation.agreementSigned) && {
      to: `${base}/agreement`,
      label: 'Written agreement',
      hint: c.mediation.agreementSigned
        ? 'The signed agreement.'
        : 'Read, comment on and sign the agreement.',
    },
    c.mediation.agreementSigned && {
      to: `${base}/promises`,
      label: 'Promises',
      hint: 'What was promised, by when, and if it is done.',
    },
    mediator && { to: `${base}/notes`, label: 'My private notes', hint: 'Only you can read them.' },
    (c.mediation.outcome !== null || (mediator && c.state === 'in_mediation')) && {
      to: `${base}/outcome`,
      label: 'Outcome',
      hint: c.mediation.outcome ? 'How the mediation ended and what comes next.' : 'Close the case.',
    },
    party &&
      c.mediation.outcome !== null && {
        to: `${base}/survey`,
        label: 'Survey',
        hint: 'Tell us how it went (two minutes).',
      },
  ];
  return steps.filter((s): s is Step => Boolean(s));
}
