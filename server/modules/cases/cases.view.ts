import type { CaseStep, CaseView } from '../../../contracts/cases.ts';
import {
  type CaseState,
  isClosed,
  type MediationStep,
  mediationSteps,
  stageOf,
} from '../../../domain/case-lifecycle.ts';
import { computeDeadlines } from '../../../domain/deadlines.ts';
import { DEFAULT_LANGUAGE, type Language } from '../../../domain/languages.ts';
import { formatMissouriDate } from '../../../domain/missouri-time.ts';
import { isOutcome, nextSteps as outcomeNextSteps } from '../../../domain/outcomes.ts';
import { firstSessionHeldAt, firstSessionScheduledAt } from '../../../domain/sessions.ts';
import { translator } from '../../../i18n/i18n.ts';
import { closedStepIn, packWords } from '../../../i18n/pack-words.ts';
import { forbidden, refusalOf } from '../../http/errors.ts';
import { requireSignedCopyReader, requireSigner } from '../agreements-to-mediate/atm.service.ts';
import { mayReadExceptions } from '../screening/exceptions.service.ts';
import {
  requireScreeningAnswerer,
  requireScreeningDecider,
  requireScreeningReader,
} from '../screening/screening.service.ts';
import { requireDisqualificationApplicant } from '../selection/disqualification.service.ts';
import { requireAppointer, requireOfferee, requirePicker } from '../selection/selection.service.ts';
import { beginByOf, type CaseAccess, type ParticipantRow, participantIdentity } from './case-access.ts';
import { isNeutral, maySeeContact, maySeeEmail, requireDueProcessRecorder } from './cases.policy.ts';
import { requireLeadMediator } from './co-mediators.service.ts';
import { requireAnswerer, requireDeclinable, requireOptOut, requireWithdrawer } from './consent.service.ts';
import { mayKeepCourtRecord } from './court-record.service.ts';
import { type AgreementForViewer, nextStepOf } from './next-step.ts';
import { requireAddingTo, requireCompanionAgreement, requireContactOwner } from './participants.service.ts';
import { requireLetterReader } from './request-letter.ts';

export type SessionTime = { kind: string; status: string; starts_at: string; created_at: string };

/** An extension a coordinator granted (the latest for each deadline counts). */
export type DeadlineExtension = { deadline_id: string; due_on: string; reason: string };

/** Where a case stands in the reader's words ("Ready to schedule"): the case page, the lists and the home. */
export const stageLabelIn = (state: CaseState, agreementSigned: boolean, language: Language): string =>
  translator(language, 'caseview')(`state.${stageOf(state, agreementSigned)}`);

/** A deadline's day as the reader reads it: "Saturday, December 12, 2026, end of day (Missouri time)". */
const shownDeadline = (dueAt: string | Date, language: Language): string =>
  translator(language, 'caseview')('deadline.shown', {
    date: formatMissouriDate(dueAt, { weekday: true }, language),
  });

export function deadlinesFor(
  ctx: Pick<CaseAccess, 'c' | 'pack'>,
  extra: {
    disqualificationRequestedAt?: string | null;
    disqualificationAnswered?: string | null;
    /** The case's sessions: a joint session set meets "first session scheduled" (DESE). */
    sessions?: readonly SessionTime[];
    /** When everyone signed the written agreement: the mediation is complete (DESE's 30 days met). */
    agreementSignedAt?: string | null;
    /** Extensions, oldest first: the latest for a deadline gives its date. */
    extensions?: readonly DeadlineExtension[];
    /** The viewer may extend deadlines (the program's coordinators). */
    mayExtend?: boolean;
  },
  now: Date,
  language: Language = DEFAULT_LANGUAGE,
) {
  const latest = new Map((extra.extensions ?? []).map((e) => [e.deadline_id, e]));
  const words = packWords(language, ctx.pack.id);
  return computeDeadlines(
    ctx.pack.deadlines,
    {
      consented: ctx.c.consented_at,
      mediator_chosen: ctx.c.mediator_chosen_at,
      disqualification_requested: extra.disqualificationRequestedAt ?? null,
      begin_by: beginByOf(ctx.c),
    },
    {
      opt_out_decided: ctx.c.opt_out_requested_at,
      disqualification_answered: extra.disqualificationAnswered ?? null,
      session_held: firstSessionHeldAt(extra.sessions ?? [], now),
      session_scheduled: firstSessionScheduledAt(extra.sessions ?? []),
      // A signed agreement completes the mediation; the mediator may record the outcome later.
      completed: ctx.c.closed_at ?? extra.agreementSignedAt ?? null,
    },
    now,
    undefined,
    Object.fromEntries([...latest].map(([id, e]) => [id, e.due_on])),
    ctx.c.state,
  ).map((d) => ({
    ...d,
    label: words.deadline(d),
    shown: d.dueAt ? shownDeadline(d.dueAt, language) : null,
    extensionReason: d.originalDueDate ? (latest.get(d.id)?.reason ?? null) : null,
    can: {
      extend: Boolean(extra.mayExtend && d.dueDate && d.status !== 'met' && d.status !== 'no_longer_applies'),
    },
  }));
}

/** The states in which the case page shows the screening: from its start to the mediation, or closed by it. */
const SCREENING_SHOWN: readonly CaseState[] = [
  'screening',
  'choosing_mediator',
  'agreement_to_mediate',
  'ready_to_schedule',
  'not_suitable',
];

/** Each step's name, and a line on what it holds for this viewer, in the reader's language. */
function stepWords(
  step: MediationStep,
  mediator: boolean,
  mediation: { agreementSigned: boolean; outcome: string | null },
  language: Language,
): Omit<CaseStep, 'id'> {
  const t = translator(language, 'caseview');
  const hint = (() => {
    switch (step) {
      case 'preparation':
      case 'sessions':
      case 'messages':
      case 'documents':
        return `${step}${mediator ? 'Mediator' : 'Party'}`;
      case 'agreement':
        return mediation.agreementSigned ? 'agreementSigned' : 'agreementOpen';
      case 'outcome':
        return mediation.outcome ? 'outcomeRecorded' : 'outcomeOpen';
      default:
        return `${step}Hint`;
    }
  })();
  return { label: t(`step.${step}`), hint: t(`step.${hint}`) };
}

/** The steps of the mediation this viewer may open (domain/case-lifecycle.ts), with their words. */
export function stepsFor(
  ctx: Pick<CaseAccess, 'c' | 'viewer' | 'isMediator'>,
  mediation: { agreementSigned: boolean; outcome: string | null },
  language: Language = DEFAULT_LANGUAGE,
): CaseStep[] {
  // The court's view is the court area's own (loadCourtCase): it opens no step of the mediation.
  if (ctx.viewer.kind === 'court') return [];
  return mediationSteps(ctx.c.state, { place: ctx.viewer.kind, mediator: ctx.isMediator }, mediation).map(
    (id) => ({ id, ...stepWords(id, ctx.isMediator, mediation, language) }),
  );
}

/** What this viewer may do on the case now, by the checks each action's route makes. */
function actionsFor(
  ctx: CaseAccess,
  now: Date,
  signedBy: readonly string[],
  disqualificationOpen: boolean,
): CaseView['can'] {
  const allows = (check: () => unknown) => refusalOf(() => void check()) === null;
  const { c, viewer, pack } = ctx;
  const me = ctx.participants.find((p) => p.id === viewer.participantId);
  const agree = allows(() => requireAnswerer(ctx));
  return {
    agree,
    decline: agree && allows(() => requireDeclinable(pack)),
    optOut: allows(() => requireOptOut(ctx, now)),
    withdraw: allows(() => requireWithdrawer(ctx)),
    addToMySide: viewer.side !== null && allows(() => requireAddingTo(ctx, viewer.side!)),
    // Offered while there is a cap to lift and this party has not yet agreed to lift it.
    agreeToMoreCompanions:
      pack.companions.value !== null &&
      me?.agreed_to_more_companions !== 1 &&
      allows(() => requireCompanionAgreement(ctx)),
    updateMyContact: allows(() => requireContactOwner(ctx)),
    downloadRequestLetter: allows(() => requireLetterReader(ctx)),
    setDueProcess: allows(() => requireDueProcessRecorder(ctx)),
    answerScreening: allows(() => requireScreeningAnswerer(ctx)),
    reviewScreening: allows(() => requireScreeningReader(ctx)),
    // The decision is taken while the case is at screening; later the answers stay readable.
    decideScreening: c.state === 'screening' && allows(() => requireScreeningDecider(ctx)),
    pickMediators: allows(() => requirePicker(ctx)),
    appointMediator: allows(() => requireAppointer(ctx, 'appointment')),
    offerByRotation: allows(() => requireAppointer(ctx, 'rotation')),
    answerMediatorOffer: allows(() => requireOfferee(ctx)),
    // Each party signs once.
    signAgreementToMediate:
      !signedBy.includes(viewer.participantId ?? '') && allows(() => requireSigner(ctx)),
    // The agreement is written when the mediator accepts.
    downloadAgreementToMediate:
      c.mediator_status === 'accepted' && allows(() => requireSignedCopyReader(ctx)),
    addCoMediators: !isClosed(c.state) && allows(() => requireLeadMediator(ctx)),
    // One application at a time, and while a disqualified mediator can still leave the case
    // (before the mediation begins: the lifecycle's mediator_removed).
    askToDisqualify:
      !disqualificationOpen &&
      (c.state === 'agreement_to_mediate' || c.state === 'ready_to_schedule') &&
      allows(() => requireDisqualificationApplicant(ctx)),
    // The court case number and the judge or division (the court records them on its own page).
    recordCourtRecord: mayKeepCourtRecord(ctx),
    // The mediator's record of a report made outside the mediation, and the program's review of it.
    seeConfidentialityExceptions: mayReadExceptions(ctx),
  };
}

function presentParticipant(ctx: CaseAccess, p: ParticipantRow) {
  const v = ctx.viewer;
  const contact = maySeeContact(v, p);
  return {
    ...participantIdentity(p),
    joined: p.status === 'active',
    email: maySeeEmail(v, p) ? p.email : null,
    address: contact ? p.address : null,
    phone: contact ? p.phone : null,
    contactHidden: contact ? p.hide_contact === 1 : undefined,
    agreedToMoreCompanions: p.role === 'party' ? p.agreed_to_more_companions === 1 : undefined,
    isMe: p.id === v.participantId,
  };
}

/** The case as one viewer may see it: no field reaches a role that may not see it. */
export function presentCase(
  ctx: CaseAccess,
  extra: {
    now: Date;
    mediatorName: string | null;
    myScreeningDone: boolean;
    screeningCount: number;
    signedBy: string[];
    disqualificationRequestedAt: string | null;
    disqualificationAnswered: string | null;
    /** An application to disqualify waits for a denial or for the court's decision. */
    disqualificationOpen: boolean;
    sessions: readonly SessionTime[];
    agreementSignedAt: string | null;
    outcome: string | null;
    extensions: readonly DeadlineExtension[];
    mayExtend: boolean;
    /** The next session not yet held, if one is set. */
    nextSessionAt: string | null;
    agreement: AgreementForViewer;
  },
  /** The reader's language: the words the answer carries (stage, next step, deadlines, steps). */
  language: Language = DEFAULT_LANGUAGE,
): CaseView {
  const view = presentCaseFacts(ctx, extra, language);
  return { ...view, next: nextStepOf(view, extra, language) };
}

function presentCaseFacts(
  ctx: CaseAccess,
  extra: Parameters<typeof presentCase>[1],
  language: Language,
): Omit<CaseView, 'next'> {
  const { c, pack, viewer } = ctx;
  // The court's view is the court area's own: the case page is never built for it.
  if (viewer.kind === 'court') throw forbidden('The court reads its cases on the court’s pages.');
  const state = c.state;
  const agreementSigned = extra.agreementSignedAt !== null;
  const safeguards = c.safeguards;
  const neutral = isNeutral(viewer);
  const { optOut: _optOut, ...rest } = c.details;
  const details = neutral || viewer.side === 'requester' ? c.details : rest;
  const mediatorVisible = neutral || c.mediator_status === 'accepted' || c.mediator_status === 'offered';
  return {
    id: c.id,
    reference: c.reference,
    title: c.title,
    state,
    stateLabel: stageLabelIn(state, agreementSigned, language),
    closed: isClosed(state),
    closeReason: c.close_reason,
    caseType: c.case_type,
    programId: c.program_id,
    programName: ctx.programName,
    pack: { id: pack.id, version: pack.version, name: pack.name },
    details,
    createdAt: c.created_at,
    // A co-mediator reads the case as its mediator does.
    viewer: {
      kind: viewer.kind === 'co_mediator' ? 'mediator' : viewer.kind,
      side: viewer.side,
      participantId: viewer.participantId,
    },
    participants: ctx.participants.map((p) => presentParticipant(ctx, p)),
    consent: {
      kind: pack.consent.value,
      cite: pack.consent.cite,
      consentedAt: c.consented_at,
      optOutAllowed: pack.optOut.value.allowed,
      optOutRequestedAt: c.opt_out_requested_at,
    },
    rules: {
      attorneysAllowed: pack.attorneysAtSessions.value,
      attorneysCite: pack.attorneysAtSessions.cite,
      companionsPerParty: pack.companions.value,
      companionsCite: pack.companions.cite,
      cost: packWords(language, pack.id).cost(pack.cost.value.text),
      selection: pack.selection.value,
      // The program's issues in the reader's language (a program's own words as written).
      issues: pack.issueTemplates.value.map((i) => ({
        id: i.id,
        label: packWords(language, pack.id).issue(i),
      })),
    },
    screening: {
      shown: SCREENING_SHOWN.includes(state),
      decision: neutral ? c.screening_decision : c.screening_decision ? 'decided' : null,
      mine: viewer.kind === 'party' ? (extra.myScreeningDone ? 'answered' : 'not_answered') : null,
      answered: neutral ? extra.screeningCount : undefined,
      safeguards: neutral
        ? safeguards
        : safeguards.filter(
            (s) => s.participantId === viewer.participantId || s.kind === 'separate_sessions',
          ),
      quickExit: safeguards.some((s) => s.kind === 'quick_exit' && s.participantId === viewer.participantId),
    },
    mediator:
      c.mediator_id && c.mediator_status && mediatorVisible
        ? {
            id: c.mediator_id,
            name: extra.mediatorName,
            status: c.mediator_status,
            disclosure:
              c.mediator_status === 'accepted'
                ? (c.mediator_disclosure ?? translator(language, 'caseview')('mediator.noConflict'))
                : null,
            chosenAt: c.mediator_chosen_at,
            isMe: viewer.kind === 'mediator' || viewer.kind === 'co_mediator',
          }
        : null,
    agreementToMediate: { signedBy: extra.signedBy },
    // Where the mediation itself stands, so the case page links only to the steps that exist.
    mediation: { agreementSigned, outcome: extra.outcome },
    dueProcess:
      c.details.form === 'special_education'
        ? { pending: c.due_process_pending == null ? null : c.due_process_pending === 1 }
        : null,
    deadlines: deadlinesFor(ctx, extra, extra.now, language),
    nextSteps: closedNextSteps(pack, state).map((step) => closedStepIn(language, step)),
    steps: stepsFor(ctx, { agreementSigned, outcome: extra.outcome }, language),
    can: actionsFor(ctx, extra.now, extra.signedBy, extra.disqualificationOpen),
  };
}

/**
 * What a party can do once the case is closed: after a mediation's outcome, the steps for that
 * outcome (a full agreement is kept, not taken to a hearing); after a request that ended before
 * mediation (declined, withdrawn, opted out), the pack's other ways forward.
 */
function closedNextSteps(pack: CaseAccess['pack'], state: CaseState): string[] {
  if (!isClosed(state)) return [];
  return isOutcome(state) ? outcomeNextSteps(pack.programKind, state) : [...pack.nextSteps.value];
}
