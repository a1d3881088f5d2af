import { z } from 'zod';
import { CASE_STATES } from '../domain/case-lifecycle.ts';
import { Email, PersonName } from './accounts.ts';
import { DocumentSection } from './agreements.ts';
import { Can } from './can.ts';
import { CaseState, Side } from './case-fields.ts';
import { CaseParams } from './cases.ts';
import { Id } from './id.ts';
import { CreatedInvitation, InvitationSummary } from './invitations.ts';
import { listQuery, pageOf } from './list.ts';
import { CourtReport } from './outcomes.ts';
import { defineRoute, NoContent } from './route.ts';
import { DecidedBy, DecidedOutcome, DisqualificationOutcome } from './selection.ts';

/**
 * The court's pages: a circuit's clerk or judge's staff sees the cases that circuit's courts
 * referred, and of each only what the rules let a court see — the referral, who mediates, whether
 * mediation happened and how it ended (the report to the court, as the circuit allows), the
 * applications to disqualify the mediator that come to it, and the agreement it is asked to
 * approve. Nothing said in mediation: no notes, preparation, options, screening, drafts or comments.
 */
const tags = ['court'];

/** The referral as the court made it, and the record the program or the court keeps of it. */
export const CourtReferral = z.object({
  court: z.string(),
  circuit: z.number(),
  caseNumber: z.string(),
  judge: z.string().nullable(),
  division: z.string().nullable(),
  rule: z.string(),
  orderDate: z.string(),
  beginBy: z.string().nullable(),
});

/** What the court is asked to do next on the case, in words, or null when nothing waits for it. */
const CourtNext = z.object({
  kind: z.enum(['decide_disqualification', 'approve_agreement', 'read_report', 'none']),
  text: z.string(),
});

export const CourtCaseSummary = z.object({
  id: z.string(),
  reference: z.string(),
  programName: z.string(),
  referral: CourtReferral,
  /** The parties' names (no addresses or telephone numbers). */
  parties: z.array(z.object({ name: z.string(), side: Side })),
  state: CaseState,
  stage: z.string(),
  next: CourtNext,
});
export type CourtCaseSummary = z.infer<typeof CourtCaseSummary>;

export const CourtDisqualification = z.object({
  id: z.string(),
  side: Side,
  requestedAt: z.string(),
  lastDayToDeny: z.string().nullable(),
  deniedAt: z.string().nullable(),
  outcome: DisqualificationOutcome,
  decidedAt: z.string().nullable(),
  decidedBy: DecidedBy.nullable(),
  courtOrder: z.string().nullable(),
  /**
   * The application's grounds and the denial's, for a denied application the court decides (or
   * decided); the rule puts them before the court. Null before anyone denied it.
   */
  reason: z.string().nullable(),
  denialReason: z.string().nullable(),
  can: Can('decide'),
});
export type CourtDisqualification = z.infer<typeof CourtDisqualification>;

/** Rule 88.06(c): the signed family agreement the court is asked to approve, and only once everyone signed it. */
export const CourtApproval = z.object({
  status: z.enum(['awaiting_court_approval', 'binding']),
  signedAt: z.string(),
  courtApprovedAt: z.string().nullable(),
  title: z.string(),
  sections: z.array(DocumentSection),
  signers: z.array(z.object({ name: z.string(), capacity: z.string(), signedAt: z.string().nullable() })),
  can: Can('approve'),
});
export type CourtApproval = z.infer<typeof CourtApproval>;

export const CourtCase = CourtCaseSummary.extend({
  caseType: z.string(),
  /** The parties and their attorneys of record. */
  people: z.array(z.object({ name: z.string(), side: Side, role: z.enum(['party', 'attorney']) })),
  mediator: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** Rule 17.03(b): when counsel filed a written opt-out, which ended the referral. */
  optedOutAt: z.string().nullable(),
  disqualifications: z.array(CourtDisqualification),
  /** The report to the court, once the mediation has ended (only the fields the circuit allows). */
  report: CourtReport.nullable(),
  approval: CourtApproval.nullable(),
  can: Can('editRecord'),
});
export type CourtCase = z.infer<typeof CourtCase>;

/** The court's list of its referred cases: newest referral first, searched, by stage, paged. */
export const CourtCasesQuery = listQuery({
  searches: "Part of the case's title, its reference or a party's name",
  filters: {
    /** Only the cases at this stage. */
    state: z.enum(CASE_STATES, 'Choose a stage from the list').optional(),
  },
  rows: ['case', 'cases'],
});
export type CourtCasesQuery = z.input<typeof CourtCasesQuery>;

export const listCourtCases = defineRoute({
  method: 'GET',
  path: '/api/v1/court/cases',
  summary:
    'The cases my court referred, newest first, with what each waits for: searched by title, reference or a party’s name, by stage, paged (court users)',
  tags,
  query: CourtCasesQuery,
  response: { 200: pageOf(CourtCaseSummary) },
});

export const getCourtCase = defineRoute({
  method: 'GET',
  path: '/api/v1/court/cases/:caseId',
  summary: 'A referred case as the court may see it: never anything said in mediation',
  tags,
  params: CaseParams,
  response: { 200: CourtCase },
});

const CourtDisqualificationParams = z.object({
  caseId: Id,
  requestId: Id,
});

export const CourtDecisionBody = z.object({
  grant: z.boolean('Say whether the mediator is disqualified'),
  courtOrder: z
    .string('Give the date and number of the court’s order (or the docket entry)')
    .trim()
    .min(1, 'Give the date and number of the court’s order (or the docket entry)')
    .max(300, 'Keep it under 300 characters'),
});
export type CourtDecisionBody = z.infer<typeof CourtDecisionBody>;

export const decideCourtDisqualification = defineRoute({
  method: 'POST',
  path: '/api/v1/court/cases/:caseId/disqualification-requests/:requestId/decision',
  summary: 'The court decides a denied application to disqualify the mediator (Rule 88.04)',
  tags,
  params: CourtDisqualificationParams,
  body: CourtDecisionBody,
  response: { 200: z.object({ outcome: DecidedOutcome }) },
});

export const CourtApprovalBody = z.object({
  approvedOn: z.iso.date('Enter the date of the court’s approval, like 2026-04-01'),
});
export type CourtApprovalBody = z.infer<typeof CourtApprovalBody>;

export const approveCourtAgreement = defineRoute({
  method: 'POST',
  path: '/api/v1/court/cases/:caseId/agreement-approval',
  summary: 'The court approves the signed family agreement, which makes it binding (Rule 88.06(c))',
  tags,
  params: CaseParams,
  body: CourtApprovalBody,
  response: { 200: z.object({ courtApprovedAt: z.string(), status: z.literal('binding') }) },
});

const optionalLine = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Keep it under ${max} characters`)
    .default('')
    .transform((v) => v || null);

/** The court's record of the case, all of it each time (an empty judge or division clears it). */
export const CourtRecordBody = z.object({
  caseNumber: z
    .string('Enter the court case number')
    .trim()
    .min(1, 'Enter the court case number')
    .max(60, 'Keep it under 60 characters'),
  judge: optionalLine(120),
  division: optionalLine(60),
});
export type CourtRecordBody = z.input<typeof CourtRecordBody>;

export const CourtRecord = z.object({
  caseNumber: z.string(),
  judge: z.string().nullable(),
  division: z.string().nullable(),
});

export const updateCourtRecord = defineRoute({
  method: 'PUT',
  path: '/api/v1/court/cases/:caseId/record',
  summary: 'Record the court case number and the judge or division (the program or the court)',
  tags,
  params: CaseParams,
  body: CourtRecordBody,
  response: { 200: CourtRecord },
});

// The court's users: an administrator invites a circuit's clerk or judge's staff, lists them and
// takes their access away. The circuits come from Missouri's county list (their counties named).

export const CourtCircuit = z.object({
  circuit: z.number(),
  name: z.string(),
  counties: z.array(z.string()),
});
export type CourtCircuit = z.infer<typeof CourtCircuit>;
export const CourtUser = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  circuit: z.number(),
  since: z.string(),
});
export type CourtUser = z.infer<typeof CourtUser>;
export const CourtUserInvitation = InvitationSummary.omit({ role: true }).extend({ circuit: z.number() });
export type CourtUserInvitation = z.infer<typeof CourtUserInvitation>;
export const CourtUsers = z.object({
  circuits: z.array(CourtCircuit),
  users: z.array(CourtUser),
  /** The latest invitations, answered or not. */
  invitations: z.array(CourtUserInvitation),
});
export type CourtUsers = z.infer<typeof CourtUsers>;
export const listCourtUsers = defineRoute({
  method: 'GET',
  path: '/api/v1/court/users',
  summary:
    'The courts’ clerks and judges’ staff on Parley, by circuit, and their invitations (administrators)',
  tags,
  response: { 200: CourtUsers },
});

const Circuit = z.coerce
  .number('Choose the circuit')
  .int('Choose the circuit')
  .min(1, 'Missouri circuits are 1 to 46')
  .max(46, 'Missouri circuits are 1 to 46');
export const InviteCourtUserBody = z.object({ email: Email, name: PersonName, circuit: Circuit });
export type InviteCourtUserBody = z.infer<typeof InviteCourtUserBody>;
export const inviteCourtUser = defineRoute({
  method: 'POST',
  path: '/api/v1/court/users',
  summary:
    'Invite a circuit’s clerk or judge’s staff by e-mail; accepting gives them the court role (administrators)',
  tags,
  body: InviteCourtUserBody,
  response: { 201: CreatedInvitation },
});

export const CourtUserParams = z.object({ userId: Id, circuit: Circuit });
export const removeCourtUser = defineRoute({
  method: 'DELETE',
  path: '/api/v1/court/users/:userId/circuits/:circuit',
  summary: 'Take away a court user’s access to a circuit’s cases (administrators)',
  tags,
  params: CourtUserParams,
  response: { 204: NoContent },
});
