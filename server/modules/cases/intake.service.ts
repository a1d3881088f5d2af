import type { CreateCaseInput } from '../../../contracts/case-intake.ts';
import type { PreferredMediator } from '../../../contracts/cases.ts';
import { ROSTER_LABELS } from '../../../domain/eligibility.ts';
import { can, type Role } from '../../../domain/roles.ts';
import type { ResolvedPack } from '../../../domain/rule-packs/index.ts';
import { findPack } from '../../../domain/rule-packs/index.ts';
import { type Executor, inTransaction, type Tx } from '../../db/database.ts';
import { AppError, invalid, notFound } from '../../http/errors.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import { type Actor, requireActor } from '../access/access.service.ts';
import { consumePersonQuota } from '../access/throttle.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { countyIndex, mediatorForRequest } from '../directory/directory.service.ts';
import type { InvitationWords } from '../invitations/invitations.emails.ts';
import { issueInvitation } from '../invitations/invitations.service.ts';
import { districtOfProgram } from '../programs/districts.service.ts';
import { findProgram } from '../programs/programs.service.ts';
import { type CaseDetails, type CaseRow, moveCase, packForCase } from './case-access.ts';
import { CASE_EMAILS } from './cases.emails.ts';
import * as repo from './cases.repository.ts';
import { notifyCoordinators, notifyPeople } from './notify.ts';
import { endRequestDraft } from './request-drafts.service.ts';

export const CASE_INVITE_PURPOSE = 'case-party';

const PREFIX: Record<string, string> = {
  special_education: 'SE',
  family: 'FA',
  civil: 'CV',
  community: 'CM',
};

function checkAgainstPack(pack: ResolvedPack, input: CreateCaseInput): { caseType: string; title: string } {
  if (pack.intake.value !== input.form) {
    throw new AppError(
      'VALIDATION_FAILED',
      `This program takes ${pack.intake.value.replace('_', ' ')} requests.`,
      {
        fields: { form: `must be ${pack.intake.value}` },
      },
    );
  }
  const issueIds = pack.issueTemplates.value.map((i) => i.id);
  const typeIds = pack.caseTypes.value.map((t) => t.id);
  if (input.form === 'special_education') {
    const bad = input.categories.find((c) => !issueIds.includes(c));
    if (bad) throw invalid('categories', `choose from ${issueIds.join(', ')}`);
    // A case's title is stored once and read by both sides, each in their own language: it names
    // the child and the district without words of either language.
    return { caseType: 'special_education', title: `${input.student.name} – ${input.district.name}` };
  }
  if (!typeIds.includes(input.caseType)) throw invalid('caseType', `choose from ${typeIds.join(', ')}`);
  if (input.form === 'court_referral') {
    const bad = input.issues.find((c) => !issueIds.includes(c));
    if (bad) throw invalid('issues', `choose from ${issueIds.join(', ')}`);
    const expected = pack.programKind === 'family' ? '88' : '17';
    if (input.rule !== expected) throw invalid('rule', `this program runs Rule ${expected} cases`);
    if (pack.optOut.value.allowed && !input.beginBy)
      throw invalid('beginBy', 'enter the court’s deadline to begin mediation');
    return { caseType: input.caseType, title: `${input.court} – ${input.caseNumber}` };
  }
  return { caseType: input.caseType, title: input.description.slice(0, 60) };
}

/** What the case keeps of the request: the form without the people (they are its participants). */
function detailsOf(input: CreateCaseInput): CaseDetails {
  const { programId: _p, requester: _r, respondent: _o, county: _c, preferredMediator: _m, ...rest } = input;
  const { dueProcessPending: _d, ...details } = rest as typeof rest & { dueProcessPending?: boolean };
  return details;
}

/**
 * The mediator a requester asked for, held to the pack: on its roster (when the pack draws from a
 * directory list) and taking new cases. Where the parties may choose together the name is proposed
 * to the other side; where the program or the court appoints, it is a wish the program sees.
 */
async function preferredMediatorOf(
  db: Executor,
  pack: ResolvedPack,
  profileId: string,
): Promise<PreferredMediator> {
  const m = await mediatorForRequest(db, profileId);
  if (!m)
    throw invalid(
      'preferredMediator',
      'is not a mediator in Find a Mediator; choose one there or leave this out',
    );
  if (!m.accepting)
    throw invalid(
      'preferredMediator',
      `${m.name} is not taking new cases right now; choose another mediator or leave this out`,
    );
  const roster = pack.roster.value;
  if (roster.kind === 'directory' && !m.rosters.includes(roster.roster))
    throw invalid(
      'preferredMediator',
      `${m.name} is not on the ${ROSTER_LABELS[roster.roster]} this program's cases need; choose another mediator or leave this out`,
    );
  return {
    profileId: m.profileId,
    name: m.name,
    how: pack.selection.value.includes('joint_choice') ? 'proposed' : 'wish',
  };
}

/** The first category of dispute (special education) or issue (a court referral), for the figures. */
function disputeCategoryOf(input: CreateCaseInput): string | null {
  if (input.form === 'special_education') return input.categories[0] ?? null;
  if (input.form === 'court_referral') return input.issues[0] ?? null;
  return null;
}

/**
 * A request for mediation. A party asks for themselves; a coordinator may enter a request for a
 * party (who is then invited). Either way the other side is invited by e-mail in the same
 * transaction, and the case waits for them.
 */
/**
 * A district chosen from the program's list: its name and its contact for mediation requests come
 * from the list, whatever the form sent.
 */
async function withListedDistrict(db: Executor, input: CreateCaseInput): Promise<CreateCaseInput> {
  if (input.form !== 'special_education' || !input.district.id) return input;
  const listed = await districtOfProgram(db, input.programId, input.district.id);
  if (!listed) throw invalid('district.name', 'choose your district from the list, or type its name');
  return {
    ...input,
    district: { id: listed.id, name: listed.name },
    respondent: { ...input.respondent, email: listed.email, organization: listed.name },
  };
}

export async function createCase(deps: Deps, actor: Actor | null, sent: CreateCaseInput) {
  requireActor(actor);
  const input = await withListedDistrict(deps.db, sent);
  const program = await findProgram(deps.db, input.programId);
  if (!program?.rule_pack) throw invalid('programId', 'choose a program that takes requests');
  const basePack = findPack(program.rule_pack, program.rule_pack_version) ?? findPack(program.rule_pack);
  if (!basePack) throw invalid('programId', 'choose a program that takes requests');
  const { pack } = await packForCase(deps.db, {
    program_id: program.id,
    rule_pack: basePack.id,
    rule_pack_version: basePack.version,
  });
  const { caseType, title } = checkAgainstPack(pack, input);
  const byCoordinator = Boolean(input.requester?.email) && input.requester?.email !== actor.email;
  if (byCoordinator && !can(actor.grants, 'cases:manage', program.id)) {
    throw invalid('requester', 'leave this out when you ask for yourself');
  }
  if (input.respondent.email === (input.requester?.email ?? actor.email)) {
    throw invalid('respondent.email', 'must be the other side’s address, not yours');
  }
  const county = input.county ? (await countyIndex(deps.db)).get(input.county) : undefined;
  if (input.county && !county) throw invalid('county', 'choose a Missouri county from the list');
  const preferred = input.preferredMediator
    ? await preferredMediatorOf(deps.db, pack, input.preferredMediator)
    : undefined;
  const now = deps.clock.now();
  const id = newId();
  return inTransaction(deps.db, async (tx) => {
    if (byCoordinator) await consumePersonQuota(tx, deps.clock, actor.userId, 'requestsEntered');
    else
      await consumePersonQuota(tx, deps.clock, actor.userId, 'caseRequests', deps.config.caseRequestsPerDay);
    const n = (await repo.countCasesInProgram(tx, program.id)) + 1;
    const reference = `${PREFIX[pack.programKind] ?? 'C'}-${now.getUTCFullYear()}-${String(n).padStart(4, '0')}-${id.slice(-4).toUpperCase()}`;
    await repo.insertCase(tx, {
      id,
      reference,
      program_id: program.id,
      rule_pack: basePack.id,
      rule_pack_version: basePack.version,
      case_type: caseType,
      state: 'requested',
      title,
      details: { ...detailsOf(input), ...(preferred ? { preferredMediator: preferred } : {}) },
      county: county?.name ?? null,
      dispute_category: disputeCategoryOf(input),
      court_circuit: input.form === 'court_referral' ? input.circuit : null,
      due_process_pending:
        input.form === 'special_education' && input.dueProcessPending !== undefined
          ? input.dueProcessPending
            ? 1
            : 0
          : null,
      requested_by: actor.userId,
      created_at: iso(now),
      updated_at: iso(now),
    });
    await recordAudit(tx, {
      kind: 'case.requested',
      at: now,
      actorId: actor.userId,
      programId: program.id,
      caseId: id,
      subjectType: 'case',
      subjectId: id,
      data: { form: input.form, caseType, byCoordinator, pack: basePack.id, packVersion: basePack.version },
    });
    const c = (await repo.findCase(tx, id))!;
    const requester = input.requester;
    const requesterId = newId();
    await repo.insertParticipant(tx, {
      id: requesterId,
      case_id: id,
      user_id: byCoordinator ? null : actor.userId,
      side: 'requester',
      role: 'party',
      name: requester?.name ?? actor.name,
      email: byCoordinator ? requester!.email! : actor.email,
      organization: requester?.organization ?? null,
      address: requester?.address ?? null,
      phone: requester?.phone ?? null,
      status: byCoordinator ? 'invited' : 'active',
      added_by: actor.userId,
      created_at: iso(now),
    });
    if (byCoordinator) {
      await inviteParticipant(tx, deps, c, requesterId, {
        name: requester!.name,
        email: requester!.email!,
        invitedBy: actor.userId,
        inLanguage: CASE_EMAILS.requestOpenedForYou({
          name: requester!.name,
          programName: program.name,
          title,
        }),
      });
    }
    const respondentId = newId();
    await repo.insertParticipant(tx, {
      id: respondentId,
      case_id: id,
      user_id: null,
      side: 'respondent',
      role: 'party',
      name: input.respondent.name,
      email: input.respondent.email,
      organization:
        input.respondent.organization ?? (input.form === 'special_education' ? input.district.name : null),
      status: 'invited',
      added_by: actor.userId,
      created_at: iso(now),
    });
    const asker = requester?.name ?? actor.name;
    const voluntary = pack.consent.value === 'both_must_agree' || pack.consent.value === 'voluntary';
    await inviteParticipant(tx, deps, c, respondentId, {
      name: input.respondent.name,
      email: input.respondent.email,
      invitedBy: actor.userId,
      inLanguage: CASE_EMAILS.askedToMediate({
        name: input.respondent.name,
        asker,
        programName: program.name,
        title,
        voluntary,
        specialEducation:
          input.form === 'special_education'
            ? {
                district: input.district.name,
                student: input.student.name,
                categories: pack.issueTemplates.value
                  .filter((i) => input.categories.includes(i.id))
                  .map((i) => i.label),
                cost: pack.cost.value.text,
              }
            : null,
      }),
    });
    await moveCase(tx, deps, c, 'invite_other_party', actor.userId);
    await notifyPeople(
      tx,
      deps,
      c,
      [{ email: actor.email, userId: actor.userId, name: actor.name }],
      CASE_EMAILS.requestReceived({
        title,
        reference,
        invited: input.respondent.name,
        letter: input.form === 'special_education',
      }),
    );
    await notifyCoordinators(tx, deps, c, CASE_EMAILS.newRequest({ reference, title }));
    await endRequestDraft(tx, actor.userId);
    return { id, reference };
  });
}

export async function inviteParticipant(
  tx: Tx,
  deps: Deps,
  c: CaseRow,
  participantId: string,
  input: { name: string; email: string; invitedBy: string; role?: Role } & InvitationWords,
) {
  const { name, email, invitedBy, role, ...words } = input;
  const { id } = await issueInvitation(tx, deps, {
    email,
    name,
    role: role ?? 'party',
    scope: c.program_id,
    caseId: c.id,
    purpose: CASE_INVITE_PURPOSE,
    invitedBy,
    ...words,
  });
  await repo.updateParticipant(tx, participantId, { invitation_id: id });
}

export async function requireCase(deps: Deps, caseId: string) {
  const c = await repo.findCase(deps.db, caseId);
  if (!c) throw notFound('That case');
  return c;
}
