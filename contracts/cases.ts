import { z } from 'zod';
import { PARTICIPANT_ROLES } from '../domain/attendance.ts';
import { MEDIATION_STEPS } from '../domain/case-lifecycle.ts';
import { MEDIATOR_STATUSES } from '../domain/mediator-selection.ts';
import { SAFEGUARDS } from '../domain/screening.ts';
import { Can } from './can.ts';
import { CaseState, DueStatus, SelectionMethod, Side } from './case-fields.ts';
import { CreateCaseBody } from './case-intake.ts';
import { Id } from './id.ts';
import { PackRef } from './programs.ts';
import { defineRoute, fileBody } from './route.ts';

/**
 * Cases, from the request to "ready to schedule": intake, the other side's answer, opt-out and
 * withdrawal, the people on a case, and the case page's view for each viewer, with the steps of
 * the mediation the viewer may open and the actions they may take.
 */

const tags = ['cases'];

export const CaseParams = z.object({ caseId: Id });
export type CaseParams = z.infer<typeof CaseParams>;

// Asking for mediation

export const CaseCreated = z.object({ id: z.string(), reference: z.string() });
export const createCase = defineRoute({
  method: 'POST',
  path: '/api/v1/cases',
  summary: 'Ask for mediation (a party), or enter a request (a coordinator)',
  tags,
  body: CreateCaseBody,
  response: { 201: CaseCreated },
});

/**
 * What happens next on a case, who must act and by when, for its viewer: "you", the other side,
 * the mediator, the program, everyone, or nobody (a closed case). `page` is the step of the
 * mediation where it happens, when there is one.
 */
export const NextStep = z.object({
  who: z.enum(['you', 'other_side', 'mediator', 'program', 'everyone']).nullable(),
  text: z.string(),
  byDate: z.string().nullable(),
  /** The due date in words. */
  byShown: z.string().nullable(),
  overdue: z.boolean(),
  page: z.enum(MEDIATION_STEPS).nullable(),
});
export type NextStep = z.infer<typeof NextStep>;

/** A case on a person's home: where it stands and what happens next, as its case page says. */
export const HomeCase = z.object({
  id: z.string(),
  reference: z.string(),
  title: z.string(),
  programName: z.string(),
  /** The stage in plain words (the case page's "Step now"). */
  stage: z.string(),
  closed: z.boolean(),
  next: NextStep,
  /** The written agreement is signed: its promises are tracked on the case's promises page. */
  hasPromises: z.boolean(),
});
export type HomeCase = z.infer<typeof HomeCase>;

/** An invitation sent to the person's e-mail address that waits for their answer. */
export const PendingInvitation = z.object({
  id: z.string(),
  /** What it asks, in words: to take part in a mediation case, or to join a program. */
  about: z.string(),
  programName: z.string().nullable(),
  caseReference: z.string().nullable(),
  invitedBy: z.string().nullable(),
  sentTo: z.string(),
  sentAt: z.string(),
  expiresAt: z.string(),
});
export type PendingInvitation = z.infer<typeof PendingInvitation>;

export const MyHome = z.object({
  /** Cases needing this person first, then the others still open, then the closed ones. */
  cases: z.array(HomeCase),
  invitations: z.array(PendingInvitation),
});
export type MyHome = z.infer<typeof MyHome>;
export const getMyHome = defineRoute({
  method: 'GET',
  path: '/api/v1/home',
  summary: 'My home: each of my cases with its stage and next step, and invitations waiting for me',
  tags,
  response: { 200: MyHome },
});

// The mediator's desk

const DeskCase = { caseId: z.string(), reference: z.string(), title: z.string() };
export const MediatorDesk = z.object({
  /** Today's Missouri date: the desk's "today" and "this week" count from it. */
  today: z.string(),
  /** Cases offered to this mediator, waiting for their yes or no. */
  offers: z.array(z.object(DeskCase)),
  /** Invitations sent to the mediator's address (a co-mediation, a program) waiting for an answer. */
  invitations: z.array(PendingInvitation),
  /** Parties' requests to move a session, waiting for the mediator's answer, oldest first. */
  moveRequests: z.array(
    z.object({
      ...DeskCase,
      requestId: z.string(),
      sessionId: z.string(),
      kind: z.string(),
      /** Who asked, and the session's time they asked about, in words (Missouri time). */
      askedBy: z.string(),
      fromShown: z.string(),
    }),
  ),
  /** Sessions set from today through the next six days, in time order. */
  sessions: z.array(
    z.object({
      ...DeskCase,
      sessionId: z.string(),
      kind: z.string(),
      startsAt: z.string(),
      /** The start in words, Missouri time. */
      shown: z.string(),
      minutes: z.number(),
      today: z.boolean(),
    }),
  ),
  /** Written agreements sent for signature that not everyone has signed. */
  signatures: z.array(z.object({ ...DeskCase, sentAt: z.string() })),
  /** Each open case's next pack deadline that is overdue or due within 30 days, earliest first. */
  deadlines: z.array(
    z.object({
      ...DeskCase,
      label: z.string(),
      dueDate: z.string(),
      status: DueStatus,
    }),
  ),
  /** Promises on the mediator's signed agreements still owed within two weeks, or late. */
  promises: z.array(
    z.object({
      ...DeskCase,
      milestoneId: z.string(),
      what: z.string(),
      dueDate: z.string(),
      overdue: z.boolean(),
    }),
  ),
});
export type MediatorDesk = z.infer<typeof MediatorDesk>;
export const getMediatorDesk = defineRoute({
  method: 'GET',
  path: '/api/v1/desk',
  summary:
    "The mediator's desk: offers and invitations to answer, sessions today and this week, agreements waiting for signatures, deadlines and promises due, across their cases",
  tags,
  response: { 200: MediatorDesk },
});

// One case, as its viewer may see it

const OptOut = z.object({ reason: z.string(), side: Side });
/**
 * The mediator the requester asked for: `proposed` where the pack lets the parties choose together
 * (put to the other side), `wish` where the program or the court appoints (it sees the wish).
 */
export const PreferredMediator = z.object({
  profileId: z.string(),
  name: z.string(),
  how: z.enum(['proposed', 'wish']),
});
export type PreferredMediator = z.infer<typeof PreferredMediator>;
/** Rule 88.06(a): the mediator's written disclosure (fees in cents, relationships; null: none). */
export const StoredDisclosure = z.object({
  fees: z.union([
    z.object({ kind: z.literal('free'), paidBy: z.string() }),
    z.object({
      kind: z.enum(['hourly', 'flat']),
      cents: z.number(),
      otherCosts: z.array(z.object({ label: z.string(), cents: z.number() })),
      shares: z.array(z.object({ party: z.string(), percent: z.number() })),
    }),
  ]),
  relationships: z.string().nullable(),
});
const detailsCommon = {
  description: z.string(),
  optOut: OptOut.optional(),
  mediatorDisclosure: StoredDisclosure.optional(),
  preferredMediator: PreferredMediator.optional(),
};
/** What the request said (less the people, who are the participants), as the case keeps it. */
export const CaseDetails = z.discriminatedUnion('form', [
  z.object({
    form: z.literal('special_education'),
    ...detailsCommon,
    student: z.object({ name: z.string(), school: z.string().optional(), grade: z.string().optional() }),
    district: z.object({ name: z.string() }),
    categories: z.array(z.string()),
    requestStateMediation: z.boolean().optional(),
  }),
  z.object({
    form: z.literal('court_referral'),
    ...detailsCommon,
    caseType: z.string(),
    court: z.string(),
    circuit: z.number(),
    caseNumber: z.string(),
    /** The judge or division hearing the case, as the program or the court recorded it. */
    judge: z.string().optional(),
    division: z.string().optional(),
    rule: z.string(),
    orderDate: z.string(),
    beginBy: z.string().optional(),
    issues: z.array(z.string()),
  }),
  z.object({ form: z.literal('community'), ...detailsCommon, caseType: z.string() }),
]);
export type CaseDetails = z.infer<typeof CaseDetails>;

export const CaseParticipant = z.object({
  id: z.string(),
  side: Side,
  role: z.enum(PARTICIPANT_ROLES),
  name: z.string(),
  organization: z.string().nullable(),
  isAttorney: z.boolean(),
  joined: z.boolean(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  /** Told only to those who may see the contact details. */
  contactHidden: z.boolean().optional(),
  /** For a party: they agreed that each side may bring more people. */
  agreedToMoreCompanions: z.boolean().optional(),
  isMe: z.boolean(),
});
export type CaseParticipant = z.infer<typeof CaseParticipant>;

export const CaseDeadline = z.object({
  id: z.string(),
  label: z.string(),
  dueAt: z.string().nullable(),
  dueDate: z.string().nullable(),
  /** `no_longer_applies`: the case moved past it (closed, or in mediation past the opt-out window). */
  status: z.enum(['upcoming', 'due_soon', 'overdue', 'met', 'not_started', 'no_longer_applies']),
  daysLeft: z.number().nullable(),
  cite: z.string(),
  /** The due date in words, when there is one. */
  shown: z.string().nullable(),
  /** The date the pack gave, when a coordinator extended it, and the extension's reason. */
  originalDueDate: z.string().nullable(),
  extensionReason: z.string().nullable(),
  can: Can('extend'),
});
export type CaseDeadline = z.infer<typeof CaseDeadline>;

/** A step of the mediation the viewer may open: its page is /cases/:caseId/<id>. */
export const CaseStep = z.object({ id: z.enum(MEDIATION_STEPS), label: z.string(), hint: z.string() });
export type CaseStep = z.infer<typeof CaseStep>;

export const CaseView = z.object({
  id: z.string(),
  reference: z.string(),
  title: z.string(),
  state: CaseState,
  stateLabel: z.string(),
  closed: z.boolean(),
  closeReason: z.string().nullable(),
  caseType: z.string(),
  programId: z.string(),
  programName: z.string(),
  pack: PackRef,
  details: CaseDetails,
  createdAt: z.string(),
  /** A co-mediator reads the case as its mediator does. */
  viewer: z.object({
    kind: z.enum(['party', 'companion', 'mediator', 'coordinator']),
    side: Side.nullable(),
    participantId: z.string().nullable(),
  }),
  participants: z.array(CaseParticipant),
  consent: z.object({
    kind: z.string(),
    cite: z.string(),
    consentedAt: z.string().nullable(),
    optOutAllowed: z.boolean(),
    optOutRequestedAt: z.string().nullable(),
  }),
  rules: z.object({
    attorneysAllowed: z.boolean(),
    attorneysCite: z.string(),
    companionsPerParty: z.number().nullable(),
    companionsCite: z.string(),
    cost: z.string(),
    selection: z.array(SelectionMethod),
    issues: z.array(z.object({ id: z.string(), label: z.string() })),
  }),
  screening: z.object({
    /** The case page shows the screening from its start until the mediation begins, and on a case it closed. */
    shown: z.boolean(),
    /** The decision for the mediator and the program; "decided" for the parties. */
    decision: z.string().nullable(),
    mine: z.enum(['answered', 'not_answered']).nullable(),
    answered: z.number().optional(),
    safeguards: z.array(z.object({ participantId: z.string(), kind: z.enum(SAFEGUARDS) })),
    quickExit: z.boolean(),
  }),
  mediator: z
    .object({
      id: z.string(),
      name: z.string().nullable(),
      status: z.enum(MEDIATOR_STATUSES),
      disclosure: z.string().nullable(),
      chosenAt: z.string().nullable(),
      isMe: z.boolean(),
    })
    .nullable(),
  agreementToMediate: z.object({ signedBy: z.array(z.string()) }),
  mediation: z.object({ agreementSigned: z.boolean(), outcome: z.string().nullable() }),
  /** A special-education case: whether a due-process complaint was pending (null: not answered); null for other cases. */
  dueProcess: z.object({ pending: z.boolean().nullable() }).nullable(),
  deadlines: z.array(CaseDeadline),
  /** What happens next, who acts and by when. */
  next: NextStep,
  nextSteps: z.array(z.string()),
  /** The steps of the mediation this viewer may open, in order. */
  steps: z.array(CaseStep),
  can: Can(
    'agree',
    'decline',
    'optOut',
    'withdraw',
    'addToMySide',
    'agreeToMoreCompanions',
    'updateMyContact',
    'downloadRequestLetter',
    'answerScreening',
    'reviewScreening',
    'decideScreening',
    'pickMediators',
    'appointMediator',
    'offerByRotation',
    'answerMediatorOffer',
    'signAgreementToMediate',
    'downloadAgreementToMediate',
    'addCoMediators',
    'setDueProcess',
    'askToDisqualify',
    'recordCourtRecord',
    'seeConfidentialityExceptions',
  ),
});
export type CaseView = z.infer<typeof CaseView>;
export const getCase = defineRoute({
  method: 'GET',
  path: '/api/v1/cases/:caseId',
  summary: 'A case, as the caller may see it',
  tags,
  params: CaseParams,
  response: { 200: CaseView },
});

export const DueProcessBody = z.object({
  pending: z.boolean('Say whether a due process complaint is pending'),
});
export type DueProcessBody = z.infer<typeof DueProcessBody>;
export const setDueProcess = defineRoute({
  method: 'PUT',
  path: '/api/v1/cases/:caseId/due-process',
  summary: "Record whether a special-education case's due-process complaint is pending (the program)",
  tags,
  params: CaseParams,
  body: DueProcessBody,
  response: { 200: z.object({ pending: z.boolean() }) },
});

export const getRequestLetter = defineRoute({
  method: 'GET',
  path: '/api/v1/cases/:caseId/request-letter.pdf',
  summary: 'The written request for special-education mediation (PDF)',
  tags,
  params: CaseParams,
  response: { 200: fileBody(['application/pdf'], 'The request letter') },
});
