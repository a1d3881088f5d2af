import { z } from 'zod';
import { PARTICIPANT_ROLES, SIDES } from '../domain/attendance.ts';
import { CASE_STATES, MEDIATION_STEPS } from '../domain/case-lifecycle.ts';
import { MEDIATOR_STATUSES } from '../domain/mediator-selection.ts';
import { SAFEGUARDS } from '../domain/screening.ts';
import { Can } from './can.ts';
import { ProgramParams } from './programs.ts';
import { defineRoute, fileBody, NoContent } from './route.ts';

/**
 * Cases, from the request to "ready to schedule": intake, the other side's answer, opt-out and
 * withdrawal, the people on a case, and the case page's view for each viewer, with the steps of
 * the mediation the viewer may open and the actions they may take.
 */

const tags = ['cases'];

const text = (max: number, what: string) =>
  z.string().trim().min(1, `Enter ${what}`).max(max, `Keep it under ${max} characters`);
const optionalText = (max: number) =>
  z.string().trim().max(max, `Keep it under ${max} characters`).optional();
const email = z.email('Enter an e-mail address like name@example.com').max(254).toLowerCase();
const isoDate = z.iso.date('Enter a date like 2026-03-02');

export const CaseParams = z.object({ caseId: z.string().min(1).max(64) });
export type CaseParams = z.infer<typeof CaseParams>;

const Side = z.enum(SIDES);
const CaseState = z.enum(CASE_STATES);

// Asking for mediation

const Contact = z.object({
  name: text(120, 'a name'),
  email: email.optional(),
  organization: optionalText(160),
  address: optionalText(300),
  phone: optionalText(40),
});
const OtherSide = z.object({
  name: text(120, 'the name of the person to invite'),
  email,
  organization: optionalText(160),
});

const common = {
  programId: z.string().min(1, 'Choose a program').max(64),
  /** Filled in by a coordinator entering a request for someone; a party leaves it out. */
  requester: Contact.optional(),
  respondent: OtherSide,
  description: text(4000, 'a short description'),
  /** A mediator asked for from Find a Mediator (their profile's id); the pack's selection rules decide what it weighs. */
  preferredMediator: z.string().min(1).max(64).optional(),
  /** The Missouri county the request comes from (its FIPS code), for the program's figures. */
  county: z
    .string()
    .regex(/^29\d{3}$/, 'Choose a Missouri county from the list')
    .optional(),
};

export const SpecialEducationIntake = z.object({
  form: z.literal('special_education'),
  ...common,
  student: z.object({
    name: text(120, 'the student’s name'),
    school: optionalText(160),
    grade: optionalText(20),
  }),
  district: z.object({
    name: text(160, 'the school district'),
    /** The district as the program lists it: its name, and its contact for mediation requests, come from the list. */
    id: z.string().max(64).optional(),
  }),
  categories: z.array(z.string().max(40)).min(1, 'Choose at least one kind of disagreement').max(4),
  requestStateMediation: z
    .boolean('Check the box to ask for state-sponsored mediation')
    .refine((asked) => asked, 'Check the box to ask for state-sponsored mediation'),
  /** Whether a due-process complaint has been filed and is pending (the state's federal figures count it). */
  dueProcessPending: z.boolean('Say whether a due process complaint has been filed').optional(),
});

export const CourtReferralIntake = z.object({
  form: z.literal('court_referral'),
  ...common,
  caseType: z.string().min(1).max(40),
  court: text(160, 'the court'),
  circuit: z.coerce
    .number('Enter the circuit number')
    .int()
    .min(1, 'Missouri circuits are 1 to 46')
    .max(46, 'Missouri circuits are 1 to 46'),
  caseNumber: text(60, 'the court case number'),
  rule: z.enum(['17', '88'], 'Choose Rule 17 or Rule 88'),
  orderDate: isoDate,
  beginBy: isoDate.optional(),
  issues: z.array(z.string().max(40)).min(1, 'Choose at least one issue').max(10),
});

export const CommunityIntake = z.object({
  form: z.literal('community'),
  ...common,
  caseType: z.string().min(1).max(40),
});

export const CreateCaseBody = z.discriminatedUnion(
  'form',
  [SpecialEducationIntake, CourtReferralIntake, CommunityIntake],
  { error: 'Choose the kind of request' },
);
export type CreateCaseBody = z.input<typeof CreateCaseBody>;
export type CreateCaseInput = z.output<typeof CreateCaseBody>;

export const CaseCreated = z.object({ id: z.string(), reference: z.string() });
export const createCase = defineRoute({
  method: 'POST',
  path: '/api/v1/cases',
  summary: 'Ask for mediation (a party), or enter a request (a coordinator)',
  tags,
  body: CreateCaseBody,
  response: { 201: CaseCreated },
});

// Lists of cases

// A request's draft, kept while it is written

/**
 * What the request form holds before it is sent: the program, each answer by the form's name for
 * it, the kinds of issue ticked, and the ask for state mediation. Kept in the browser for a person
 * not signed in and on the server (sealed) for a signed-in one, so no word is lost on signing in.
 */
export const RequestDraft = z.object({
  programId: z.string().max(64, 'Choose a program from the list'),
  answers: z
    .record(
      z.string().regex(/^[A-Za-z]{1,40}$/, 'Answer the questions of the request form'),
      z.string().max(4000, 'Keep each answer under 4000 characters'),
    )
    .refine((a) => Object.keys(a).length <= 40, 'Answer the questions of the request form'),
  issues: z.array(z.string().max(60, 'Choose from the list')).max(20, 'Choose from the list'),
  askState: z.boolean('Say whether you ask for state-sponsored mediation'),
  /** The mediator asked for from Find a Mediator, when the request began there. */
  preferredMediator: z.string().max(64).optional(),
});
export type RequestDraft = z.infer<typeof RequestDraft>;
export const SavedDraft = z.object({ draft: RequestDraft.nullable(), savedAt: z.string().nullable() });
export type SavedDraft = z.infer<typeof SavedDraft>;
export const getRequestDraft = defineRoute({
  method: 'GET',
  path: '/api/v1/request-draft',
  summary: 'My unsent request for mediation, as I left it',
  tags,
  response: { 200: SavedDraft },
});
export const saveRequestDraft = defineRoute({
  method: 'PUT',
  path: '/api/v1/request-draft',
  summary: 'Keep my unsent request for mediation while I write it',
  tags,
  body: RequestDraft,
  response: { 200: z.object({ savedAt: z.string() }) },
});
export const deleteRequestDraft = defineRoute({
  method: 'DELETE',
  path: '/api/v1/request-draft',
  summary: 'Throw away my unsent request for mediation',
  tags,
  response: { 204: NoContent },
});

const CaseLine = {
  id: z.string(),
  reference: z.string(),
  title: z.string(),
  state: CaseState,
  stateLabel: z.string(),
  updatedAt: z.string(),
};

/** A case in "my cases": mine as a party or companion, or one I mediate (or am offered). */
export const MyCase = z.object({
  ...CaseLine,
  programName: z.string(),
  asMediator: z.boolean(),
  mediatorStatus: z.enum(MEDIATOR_STATUSES).nullable(),
  /** The written agreement is signed: its promises are tracked on the case's promises page. */
  hasPromises: z.boolean(),
});
export type MyCase = z.infer<typeof MyCase>;
export const listMyCases = defineRoute({
  method: 'GET',
  path: '/api/v1/cases',
  summary: 'My cases, and cases I mediate',
  tags,
  response: { 200: z.array(MyCase) },
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
      status: z.enum(['overdue', 'due_soon', 'upcoming']),
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

/** A case in a program's intake queue. */
export const ProgramCase = z.object({
  ...CaseLine,
  createdAt: z.string(),
  mediatorName: z.string().nullable(),
  mediatorStatus: z.enum(MEDIATOR_STATUSES).nullable(),
});
export type ProgramCase = z.infer<typeof ProgramCase>;
export const listProgramCases = defineRoute({
  method: 'GET',
  path: '/api/v1/programs/:programId/cases',
  summary: "A program's intake queue and cases",
  tags,
  params: ProgramParams,
  response: { 200: z.array(ProgramCase) },
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
  pack: z.object({ id: z.string(), version: z.string(), name: z.string() }),
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
    selection: z.array(z.enum(['joint_choice', 'rotation', 'appointment'])),
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

// The other side's answer, opting out, withdrawing

export const CaseMoved = z.object({ state: CaseState });

export const ConsentBody = z.object({
  decision: z.enum(['agree', 'decline'], 'Choose yes or no'),
  reason: optionalText(2000),
});
export type ConsentBody = z.infer<typeof ConsentBody>;
export const respondToRequest = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/response',
  summary: 'The other side agrees to mediate or declines',
  tags,
  params: CaseParams,
  body: ConsentBody,
  response: { 200: CaseMoved },
});

export const OptOutBody = z.object({
  reason: text(2000, 'the reason for opting out'),
  /** Rule 17.03(b): counsel conferred with their client, all other attorneys and unrepresented parties. */
  conferred: z.boolean(
    'Say whether you conferred with your client, the other lawyers and any party without a lawyer',
  ),
});
export const OptOutFiled = z.object({
  optOutRequestedAt: z.string(),
  /** The last day of the window it was filed in. */
  deadline: z.string().nullable(),
  /** `opted_out`: the filed opt-out ended the referral. */
  state: CaseState,
});
export const requestOptOut = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/opt-out',
  summary: 'A written opt-out by counsel (Rule 17.03(b)): it ends the referral and the court is told',
  tags,
  params: CaseParams,
  body: OptOutBody,
  response: { 200: OptOutFiled },
});

export const withdrawCase = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/withdraw',
  summary: 'Withdraw the case',
  tags,
  params: CaseParams,
  response: { 200: CaseMoved },
});

// The people on a case

export const AddParticipantBody = z.object({
  side: z.enum(SIDES, 'Choose a side'),
  role: z.enum(PARTICIPANT_ROLES, 'Choose a role'),
  name: text(120, 'a name'),
  email: email.optional(),
  organization: optionalText(160),
  isAttorney: z.boolean('Say whether this person is an attorney'),
});
export type AddParticipantBody = z.input<typeof AddParticipantBody>;
export const addParticipant = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/participants',
  summary: 'Add an advocate, support person, attorney or interpreter',
  tags,
  params: CaseParams,
  body: AddParticipantBody,
  response: { 201: z.object({ id: z.string() }) },
});

export const agreeToMoreCompanions = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/companion-agreement',
  summary: 'Agree that each side may bring more people',
  tags,
  params: CaseParams,
  response: { 200: z.object({ bothAgreed: z.boolean() }) },
});

const contactFields = ['address', 'phone'] as const;
export const ContactBody = z
  .object({ address: optionalText(300), phone: optionalText(40) })
  .refine((body) => contactFields.some((field) => body[field] !== undefined), {
    message: 'Give an address or a phone number (an empty one clears it)',
    path: ['address'],
  });
export const updateMyContact = defineRoute({
  method: 'PUT',
  path: '/api/v1/cases/:caseId/my-contact',
  summary: 'My address and phone on this case',
  tags,
  params: CaseParams,
  body: ContactBody,
  response: { 200: z.object({ ok: z.literal(true) }) },
});

// The coordinator's work queue: every case of the program, filtered, searched, sorted, a page at a time

export const QUEUE_VIEWS = ['overdue', 'waiting_for_mediator', 'promises_due'] as const;
export const DEADLINE_FILTERS = ['overdue', 'due_soon', 'upcoming', 'none'] as const;
export const QUEUE_SORTS = ['opened', 'deadline', 'reference'] as const;

export const QueueQuery = z
  .object({
    /** A saved view: overdue deadlines, waiting for a mediator, agreements with promises due. */
    view: z.enum(QUEUE_VIEWS, 'Choose one of the saved views').optional(),
    state: CaseState.optional(),
    deadline: z.enum(DEADLINE_FILTERS, 'Choose overdue, due soon, upcoming or no deadline').optional(),
    mediatorId: z.string().max(64).optional(),
    county: z.string().trim().max(80).optional(),
    kind: z.string().trim().max(40).optional(),
    openedFrom: isoDate.optional(),
    openedTo: isoDate.optional(),
    /** A case number (its start) or part of a party's name. */
    q: z.string().trim().max(80, 'Keep the search under 80 characters').optional(),
    sort: z.enum(QUEUE_SORTS, 'Sort by date opened, next deadline or case number').default('opened'),
    dir: z.enum(['asc', 'desc'], 'Choose oldest or newest first').default('desc'),
    /** Where the last page ended (the `next` of the page before): pages follow on from it. */
    after: z.string().max(200).optional(),
    limit: z.coerce
      .number('Give the number of cases per page')
      .int()
      .min(1, 'Show at least 1 case per page')
      .max(100, 'Show at most 100 cases per page')
      .default(25),
  })
  .refine((q) => !q.openedFrom || !q.openedTo || q.openedFrom <= q.openedTo, {
    message: 'The last day opened cannot come before the first',
    path: ['openedTo'],
  });
export type QueueQuery = z.input<typeof QueueQuery>;

export const QueueDeadline = z.object({
  id: z.string(),
  label: z.string(),
  dueDate: z.string(),
  /** The date the pack gave, when a coordinator extended it. */
  originalDueDate: z.string().nullable(),
  status: z.enum(['overdue', 'due_soon', 'upcoming']),
});
export type QueueDeadline = z.infer<typeof QueueDeadline>;

export const QueueRow = z.object({
  id: z.string(),
  reference: z.string(),
  title: z.string(),
  state: CaseState,
  stateLabel: z.string(),
  kind: z.string(),
  county: z.string().nullable(),
  /** The parties' names (not the people with them): names are not confidential words. */
  parties: z.array(z.string()),
  mediatorName: z.string().nullable(),
  nextDeadline: QueueDeadline.nullable(),
  openedOn: z.string(),
  daysOpen: z.number(),
});
export type QueueRow = z.infer<typeof QueueRow>;

export const QueuePage = z.object({
  rows: z.array(QueueRow),
  /** Pass as `after` for the next page; null on the last. */
  next: z.string().nullable(),
  /** The choices for the mediator filter: the program's mediators on its cases. */
  mediators: z.array(z.object({ id: z.string(), name: z.string() })),
  /** The choices for the kind filter: the program's pack's kinds of case. */
  kinds: z.array(z.object({ id: z.string(), label: z.string() })),
  programName: z.string(),
  today: z.string(),
  can: Can('extendDeadlines'),
});
export type QueuePage = z.infer<typeof QueuePage>;

export const listQueue = defineRoute({
  method: 'GET',
  path: '/api/v1/programs/:programId/queue',
  summary: "The coordinator's work queue: a page of the program's cases, filtered, searched and sorted",
  tags,
  params: ProgramParams,
  query: QueueQuery,
  response: { 200: QueuePage },
});

export const downloadQueue = defineRoute({
  method: 'GET',
  path: '/api/v1/programs/:programId/queue.csv',
  summary: 'The work queue as a spreadsheet: every case the filters find (coordinators)',
  tags,
  params: ProgramParams,
  query: QueueQuery,
  response: { 200: fileBody(['text/csv'], 'One row per case: number, state, parties, mediator, deadline') },
});

export const DeadlineParams = z.object({
  caseId: z.string().min(1).max(64),
  deadlineId: z.string().min(1).max(64),
});
export const ExtendDeadlineBody = z.object({
  dueOn: z.iso.date('Enter the new date like 2026-03-02'),
  reason: z
    .string('Give the reason')
    .trim()
    .min(3, 'Give the reason for the extension (an order, the parties’ agreement)')
    .max(500, 'Keep it under 500 characters'),
});
export type ExtendDeadlineBody = z.infer<typeof ExtendDeadlineBody>;

export const extendDeadline = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/deadlines/:deadlineId/extend',
  summary: 'Extend a pack deadline to a new date, with the reason (coordinators)',
  tags,
  params: DeadlineParams,
  body: ExtendDeadlineBody,
  response: { 200: CaseDeadline },
});
