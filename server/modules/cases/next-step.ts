import type { CaseView, NextStep } from '../../../contracts/cases.ts';
import { DEFAULT_LANGUAGE, type Language } from '../../../domain/languages.ts';
import { formatMissouriDateTime } from '../../../domain/missouri-time.ts';
import { translator } from '../../../i18n/i18n.ts';

/** Where the written agreement stands for the viewer (agreements' agreementWaiting). */
export type AgreementForViewer = { awaitingSignatures: boolean; mySignatureDue: boolean };

type Who = NextStep['who'];

/**
 * What happens next on a case, who must act and by when, in words for the viewer: the case page
 * and the person's home show this one sentence. It reads only what the case answer already says
 * (its state, its `can` flags, its deadlines), the next session and where the written agreement
 * stands, so it cannot disagree with the case page. Written in `language` (the reader's page).
 */
export function nextStepOf(
  view: Omit<CaseView, 'next'>,
  extra: { nextSessionAt: string | null; agreement: AgreementForViewer },
  language: Language = DEFAULT_LANGUAGE,
): NextStep {
  const t = translator(language, 'caseview');
  const { can } = view;
  const mediatorIsMe = view.viewer.kind === 'mediator';
  const programIsMe = view.viewer.kind === 'coordinator';
  const others = view.participants
    .filter((p) => p.role === 'party' && p.side !== view.viewer.side)
    .map((p) => p.organization ?? p.name);
  // Several parties on the other side read "A and B"; none known yet, "the other side".
  const side = {
    known: others.length ? 'yes' : 'no',
    otherSide: others.length ? others.reduce((first, second) => t('next.both', { first, second })) : '',
  };
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
    return step('you', t('next.recordOutcome'), {
      by: false,
      page: 'outcome',
    });
  if (view.mediation.agreementSigned)
    return step('everyone', t('next.keepPromises'), {
      by: false,
      page: 'promises',
    });
  if (view.closed)
    return step(null, view.nextSteps[0] ?? t('next.closed'), {
      by: false,
    });
  switch (view.state) {
    case 'requested':
      return step('program', t('next.programSends', side), {
        mine: t('next.sendRequest', side),
      });
    case 'awaiting_other_party':
      return can.agree ? step('you', t('next.sayWhether')) : step('other_side', t('next.otherSays', side));
    case 'screening':
      if (can.answerScreening && view.screening.mine === 'not_answered')
        return step('you', t('next.answerScreening'));
      if (can.decideScreening) return step('you', t('next.decideScreening'));
      return step('program', t('next.programDecides'));
    case 'choosing_mediator':
      if (can.pickMediators) return step('you', t('next.pickMediators'));
      if (can.answerMediatorOffer) return step('you', t('next.answerOffer'));
      if (can.appointMediator || can.offerByRotation) return step('you', t('next.chooseMediator'));
      if (view.mediator?.status === 'offered') return step('mediator', t('next.offeredSays'));
      return step('program', t('next.beingChosen'));
    case 'agreement_to_mediate':
      return can.signAgreementToMediate
        ? step('you', t('next.signAtm'))
        : step('everyone', t('next.waitingAtm'));
    case 'ready_to_schedule':
      return step('mediator', t('next.mediatorSetsFirst'), {
        page: 'sessions',
        mine: t('next.setFirst'),
      });
    case 'in_mediation':
      if (extra.agreement.mySignatureDue) return step('you', t('next.signAgreement'), { page: 'agreement' });
      if (extra.agreement.awaitingSignatures)
        return step('everyone', t('next.waitingAgreement'), { page: 'agreement' });
      if (extra.nextSessionAt)
        return step(
          'everyone',
          t('next.meetNext', { when: formatMissouriDateTime(extra.nextSessionAt, language) }),
          {
            page: 'sessions',
          },
        );
      return step('mediator', t('next.mediatorSetsNext'), {
        mine: t('next.setNext'),
        page: 'sessions',
      });
    default:
      return step(null, t('next.closed'), { by: false });
  }
}
