import { describe, expect, it } from 'vitest';
import { caseSteps } from './steps.ts';
import type { CaseView } from './types.ts';

const view = (over: {
  state: string;
  kind: CaseView['viewer']['kind'];
  signed?: boolean;
  outcome?: string | null;
}): CaseView =>
  ({
    id: 'c1',
    state: over.state,
    viewer: { kind: over.kind, side: over.kind === 'party' ? 'requester' : null, participantId: null },
    mediator: { isMe: over.kind === 'mediator' },
    mediation: { agreementSigned: over.signed ?? false, outcome: over.outcome ?? null },
  }) as unknown as CaseView;

const labels = (c: CaseView) => caseSteps(c).map((s) => s.label);

describe('the steps the case page links to', () => {
  it('none before everyone has signed the Agreement to Mediate', () => {
    for (const kind of ['party', 'mediator', 'coordinator'] as const)
      expect(labels(view({ state: 'agreement_to_mediate', kind }))).toEqual([]);
    expect(labels(view({ state: 'declined', kind: 'party' }))).toEqual([]);
  });

  it('in mediation: each role gets the steps its API lets it use', () => {
    expect(labels(view({ state: 'in_mediation', kind: 'party' }))).toEqual([
      'Preparation',
      'Sessions',
      'Issues and options',
      'Written agreement',
    ]);
    expect(labels(view({ state: 'in_mediation', kind: 'mediator' }))).toEqual([
      'Preparation',
      'Sessions',
      'Issues and options',
      'Written agreement',
      'My private notes',
      'Outcome',
    ]);
    expect(labels(view({ state: 'in_mediation', kind: 'companion' }))).toEqual([
      'Sessions',
      'Issues and options',
      'Written agreement',
    ]);
    // The program sees no preparation, board, draft or notes.
    expect(labels(view({ state: 'in_mediation', kind: 'coordinator' }))).toEqual(['Sessions']);
  });

  it('once signed and closed: promises for everyone, the signed agreement for the program, the survey for parties', () => {
    const closed = { state: 'partial_agreement', signed: true, outcome: 'partial_agreement' };
    expect(labels(view({ ...closed, kind: 'party' }))).toEqual([
      'Preparation',
      'Sessions',
      'Issues and options',
      'Written agreement',
      'Promises',
      'Outcome',
      'Survey',
    ]);
    expect(labels(view({ ...closed, kind: 'coordinator' }))).toEqual([
      'Sessions',
      'Written agreement',
      'Promises',
      'Outcome',
    ]);
    expect(caseSteps(view({ ...closed, kind: 'party' }))[0]!.to).toBe('/cases/c1/preparation');
  });
});
