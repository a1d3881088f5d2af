import { isClosed, STATE_LABELS } from '../../../domain/case-lifecycle.ts';
import { computeDeadlines } from '../../../domain/deadlines.ts';
import { formatMissouriDate } from '../../../domain/missouri-time.ts';
import { firstSessionHeldAt, firstSessionScheduledAt } from '../../../domain/sessions.ts';
import { beginByOf, type CaseAccess, type ParticipantRow } from './case-access.ts';
import { isNeutral, maySeeContact, maySeeEmail } from './cases.policy.ts';

export type SessionTime = { kind: string; status: string; starts_at: string; created_at: string };

export function deadlinesFor(
  ctx: Pick<CaseAccess, 'c' | 'pack'>,
  extra: {
    disqualificationRequestedAt?: string | null;
    disqualificationAnswered?: string | null;
    /** The case's sessions: a joint session set meets "first session scheduled" (DESE). */
    sessions?: readonly SessionTime[];
  },
  now: Date,
) {
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
      completed: ctx.c.closed_at,
    },
    now,
  ).map((d) => ({
    ...d,
    shown: d.dueAt ? `${formatMissouriDate(d.dueAt, { weekday: true })}, end of day (Missouri time)` : null,
  }));
}

function presentParticipant(ctx: CaseAccess, p: ParticipantRow) {
  const v = ctx.viewer;
  const contact = maySeeContact(v, p);
  return {
    id: p.id,
    side: p.side,
    role: p.role,
    name: p.name,
    organization: p.organization,
    isAttorney: p.is_attorney === 1,
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
    sessions: readonly SessionTime[];
    agreementSigned: boolean;
    outcome: string | null;
  },
) {
  const { c, pack, viewer } = ctx;
  const state = c.state;
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
    stateLabel: STATE_LABELS[state],
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
      cost: pack.cost.value.text,
      selection: pack.selection.value,
      issues: pack.issueTemplates.value,
    },
    screening: {
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
      c.mediator_id && mediatorVisible
        ? {
            id: c.mediator_id,
            name: extra.mediatorName,
            status: c.mediator_status,
            disclosure:
              c.mediator_status === 'accepted' ? (c.mediator_disclosure ?? 'No conflict of interest.') : null,
            chosenAt: c.mediator_chosen_at,
            isMe: viewer.kind === 'mediator' || viewer.kind === 'co_mediator',
          }
        : null,
    agreementToMediate: { signedBy: extra.signedBy },
    // Where the mediation itself stands, so the case page links only to the steps that exist.
    mediation: { agreementSigned: extra.agreementSigned, outcome: extra.outcome },
    deadlines: deadlinesFor(ctx, extra, extra.now),
    nextSteps: isClosed(state) ? pack.nextSteps.value : [],
  };
}
