import type { CaseView, NextStep } from '../../../contracts/cases.ts';
import { formatMissouriDateTime } from '../../../domain/missouri-time.ts';

/** Where the written agreement stands for the viewer (agreements' agreementWaiting). */
export type AgreementForViewer = { awaitingSignatures: boolean; mySignatureDue: boolean };

type Who = NextStep['who'];

/**
 * What happens next on a case, who must act and by when, in words for the viewer: the case page
 * and the person's home show this one sentence. It reads only what the case answer already says
 * (its state, its `can` flags, its deadlines), the next session and where the written agreement
 * stands, so it cannot disagree with the case page.
 */
export function nextStepOf(
  view: Omit<CaseView, 'next'>,
  extra: { nextSessionAt: string | null; agreement: AgreementForViewer },
): NextStep {
  const { can } = view;
  const mediatorIsMe = view.viewer.kind === 'mediator';
  const programIsMe = view.viewer.kind === 'coordinator';
  const others = view.participants
    .filter((p) => p.role === 'party' && p.side !== view.viewer.side)
    .map((p) => p.organization ?? p.name);
  const otherSide = others.length ? others.join(' and ') : 'The other side';
  // The nearest pack deadline still to be met gives "by when".
  const deadline = view.deadlines
    .filter(
      (d) => d.dueDate && (d.status === 'upcoming' || d.status === 'due_soon' || d.status === 'overdue'),
    )
    .sort((a, b) => (a.dueDate! < b.dueDate! ? -1 : 1))[0];
  const step = (
    who: Who,
    text: string,
    /** `mine`: the words when the viewer is the one who acts (the mediator, the program's coordinator). */
    options: { by?: boolean; page?: NextStep['page']; mine?: string } = {},
  ): NextStep => {
    const by = options.by !== false && who !== null ? deadline : undefined;
    const isMe =
      options.mine !== undefined &&
      ((who === 'mediator' && mediatorIsMe) || (who === 'program' && programIsMe));
    return {
      who: isMe ? 'you' : who,
      text: isMe ? options.mine! : text,
      byDate: by?.dueDate ?? null,
      byShown: by?.shown ?? null,
      overdue: by?.status === 'overdue',
      page: options.page ?? null,
    };
  };

  if (view.mediation.agreementSigned && !view.closed && mediatorIsMe)
    return step('you', 'Everyone signed: record how the mediation ended and close the case.', {
      by: false,
      page: 'outcome',
    });
  if (view.mediation.agreementSigned)
    return step(
      'everyone',
      'Keep the promises in the signed agreement; the promises page shows each one and its date.',
      {
        by: false,
        page: 'promises',
      },
    );
  if (view.closed)
    return step(null, view.nextSteps[0] ?? 'The case is closed. There is nothing more to do on it.', {
      by: false,
    });
  switch (view.state) {
    case 'requested':
      return step('program', `The program sends the request to ${otherSide}.`, {
        mine: `Send the request to ${otherSide}.`,
      });
    case 'awaiting_other_party':
      return can.agree
        ? step('you', 'Say whether you will take part in mediation.')
        : step('other_side', `${otherSide} says whether they will take part in mediation.`);
    case 'screening':
      if (can.answerScreening && view.screening.mine === 'not_answered')
        return step(
          'you',
          'Answer a few private questions before mediation. Only the program and the mediator read them.',
        );
      if (can.decideScreening)
        return step('you', 'Read everyone’s answers and decide how mediation goes ahead.');
      return step('program', 'The program reads everyone’s answers and decides how mediation goes ahead.');
    case 'choosing_mediator':
      if (can.pickMediators) return step('you', 'Choose the mediators you would accept.');
      if (can.answerMediatorOffer) return step('you', 'Say whether you will mediate this case.');
      if (can.appointMediator || can.offerByRotation)
        return step('you', 'Choose the mediator for this case.');
      if (view.mediator?.status === 'offered')
        return step('mediator', 'The mediator offered the case says whether they will take it.');
      return step('program', 'A mediator is being chosen.');
    case 'agreement_to_mediate':
      return can.signAgreementToMediate
        ? step('you', 'Read and sign the Agreement to Mediate.')
        : step('everyone', 'Waiting for everyone to sign the Agreement to Mediate.');
    case 'ready_to_schedule':
      return step('mediator', 'The mediator sets the first session.', {
        page: 'sessions',
        mine: 'Set the first session.',
      });
    case 'in_mediation':
      if (extra.agreement.mySignatureDue)
        return step('you', 'Read and sign the written agreement.', { page: 'agreement' });
      if (extra.agreement.awaitingSignatures)
        return step('everyone', 'Waiting for everyone to sign the written agreement.', { page: 'agreement' });
      if (extra.nextSessionAt)
        return step('everyone', `Meet at the next session: ${formatMissouriDateTime(extra.nextSessionAt)}.`, {
          page: 'sessions',
        });
      return step('mediator', 'The mediator sets the next session or writes up what you agreed.', {
        mine: 'Set the next session, or write up the agreement and send it for signature.',
        page: 'sessions',
      });
    default:
      return step(null, 'The case is closed. There is nothing more to do on it.', { by: false });
  }
}
