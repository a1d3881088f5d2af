import type {
  AddIssueBody,
  IssueBoard,
  ProposeOptionBody,
  UpdateIssueBody,
} from '../../../contracts/issues.ts';
import { ISSUE_STATUSES } from '../../../domain/issues.ts';
import { DEFAULT_LANGUAGE, type Language } from '../../../domain/languages.ts';
import { translator } from '../../../i18n/i18n.ts';
import { packWords } from '../../../i18n/pack-words.ts';
import { type Executor, inTransaction, type Tx } from '../../db/database.ts';
import { AppError, forbidden, invalid, notFound, refusalOf } from '../../http/errors.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import type { Actor } from '../access/access.service.ts';
import {
  type CaseAccess,
  loadMediation,
  recordCaseAudit,
  requireInMediation,
  requireMediator,
} from '../cases/case-access.ts';
import { caseKey, openUnderCaseKeys, seal, unseal } from '../keys/keys.service.ts';
import { aidOptionTexts } from '../negotiation/suggestion.ts';
import type { IssuesAuditKind } from './issues.audit.ts';
import * as repo from './issues.repository.ts';

/**
 * Issues and the options brainstormed for each. Issues start from the pack's templates (the four
 * IDEA categories, Rule 88.04's list, the civil claim) or are written by the mediator. An option is
 * shared with everyone at the table, or private to the mediator until its proposer releases it.
 * Option text is confidential (the pack's confidentiality rule: Rule 88.08, Rule 17.06, 20 U.S.C. 1415(e)(2)(G) or RSMo 435.014) and is stored encrypted under the case's key.
 */

async function boardContext(tx: Tx, actor: Actor | null, caseId: string) {
  const ctx = await loadMediation(tx, actor, caseId);
  if (!ctx.isMediator && ctx.viewer.kind !== 'party' && ctx.viewer.kind !== 'companion') {
    throw forbidden('The issues board is for the people at the mediation table.');
  }
  return ctx;
}

/** The mediator keeps the board (adds issues, records where each stands) while the mediation is on. */
function requireBoardKeeper(ctx: CaseAccess, what: string) {
  requireMediator(ctx, what);
  requireInMediation(ctx);
}

/** Options come from a party or the mediator while the mediation is on. */
function requireProposer(ctx: CaseAccess) {
  if (!ctx.isMediator && ctx.viewer.kind !== 'party')
    throw forbidden('Options are proposed by a party or the mediator.');
  requireInMediation(ctx);
}

const allows = (check: () => void) => refusalOf(check) === null;

const audit = (
  tx: Tx,
  deps: Deps,
  ctx: CaseAccess,
  kind: IssuesAuditKind,
  subjectId: string,
  data: Record<string, unknown>,
) =>
  recordCaseAudit(tx, ctx, {
    kind,
    at: deps.clock.now(),
    subjectType: kind.startsWith('option') ? 'issue_option' : 'case_issue',
    subjectId,
    data,
  });

/**
 * An issue's name in `language`: a program's issue taken from its pack's list reads in the
 * reader's language, an issue the mediator named (or renamed) as it was written.
 */
const issueTitle = (ctx: CaseAccess, language: Language) => {
  const words = packWords(language, ctx.pack.id);
  return (i: { template_id: string | null; title: string }) =>
    i.template_id ? words.issue({ id: i.template_id, label: i.title }) : i.title;
};

/** The issues on a case's board (the written agreement settles some of them). */
export const listIssueRows = (db: Executor, caseId: string) => repo.listIssues(db, caseId);

/** The board as the viewer reads it, its words in `language` (the page's). */
export async function getBoard(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  language: Language = DEFAULT_LANGUAGE,
): Promise<IssueBoard> {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await boardContext(tx, actor, caseId);
    const t = translator(language, 'workspace');
    const title = issueTitle(ctx, language);
    const words = packWords(language, ctx.pack.id);
    const key = await caseKey(tx, deps, caseId);
    const issues = await listIssueRows(tx, caseId);
    const options = await repo.listOptions(tx, caseId);
    // A negotiation aid's suggestion reads in the reader's language, written from the aid.
    const fromAids = await aidOptionTexts(tx, key, caseId, language);
    const names = new Map(ctx.participants.map((p) => [p.id, p.name]));
    const me = ctx.actor.userId;
    const stamps = [
      ...issues.map((i) => i.updated_at),
      ...options.map((o) => o.released_at ?? o.created_at),
    ].sort();
    const keeper = allows(() => requireBoardKeeper(ctx, ''));
    const propose = allows(() => requireProposer(ctx));
    return {
      can: { addIssue: keeper },
      templates: ctx.isMediator
        ? ctx.pack.issueTemplates.value
            .filter((template) => !issues.some((i) => i.template_id === template.id))
            .map((template) => ({ id: template.id, label: words.issue(template) }))
        : [],
      statuses: ISSUE_STATUSES.map((s) => ({ id: s, label: t(`issues.status.${s}`) })),
      changedAt: stamps.at(-1) ?? null,
      issues: issues.map((i) => ({
        id: i.id,
        title: title(i),
        templateId: i.template_id,
        status: i.status,
        statusLabel: t(`issues.status.${i.status}`),
        can: { update: keeper, propose },
        options: options
          .filter((o) => o.issue_id === i.id)
          .filter((o) => o.visibility === 'shared' || ctx.isMediator || o.proposed_by === me)
          .map((o) => ({
            id: o.id,
            text: fromAids.get(o.id) ?? unseal(key, o.text_enc),
            visibility: o.visibility,
            proposedBy: o.proposer_participant_id
              ? (names.get(o.proposer_participant_id) ?? t('issues.proposer.party'))
              : t('issues.proposer.mediator'),
            mine: o.proposed_by === me,
            can: { release: o.visibility === 'private' && o.proposed_by === me },
          })),
      })),
    };
  });
}

export async function addIssue(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  input: AddIssueBody,
  language: Language = DEFAULT_LANGUAGE,
) {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await boardContext(tx, actor, caseId);
    requireBoardKeeper(ctx, 'The mediator adds issues to the board.');
    const existing = await listIssueRows(tx, caseId);
    let title = input.title?.trim() ?? '';
    if (input.templateId) {
      const t = ctx.pack.issueTemplates.value.find((x) => x.id === input.templateId);
      if (!t) throw invalid('templateId', 'not one of this program’s issues');
      if (existing.some((i) => i.template_id === t.id))
        throw new AppError('CONFLICT', 'That issue is already on the board.', {
          fields: { templateId: 'already on the board' },
        });
      title = t.label;
    }
    if (!title) throw invalid('title', 'name the issue');
    const now = iso(deps.clock.now());
    const id = newId();
    await repo.insertIssue(tx, {
      id,
      case_id: caseId,
      template_id: input.templateId ?? null,
      title,
      status: 'open',
      position: existing.length,
      created_by: ctx.actor.userId,
      created_at: now,
      updated_at: now,
    });
    await audit(tx, deps, ctx, 'issue.added', id, { templateId: input.templateId ?? null });
    return {
      id,
      title: issueTitle(ctx, language)({ template_id: input.templateId ?? null, title }),
      status: 'open' as const,
    };
  });
}

export async function updateIssue(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  issueId: string,
  input: UpdateIssueBody,
) {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await boardContext(tx, actor, caseId);
    requireBoardKeeper(ctx, 'The mediator records where each issue stands.');
    const issue = await repo.findIssue(tx, caseId, issueId);
    if (!issue) throw notFound('That issue');
    // Only what the change names: a missing field stays as it is.
    await repo.updateIssue(tx, issueId, {
      ...(input.status !== undefined ? { status: input.status } : {}),
      ...(input.title !== undefined ? { title: input.title } : {}),
      updated_at: iso(deps.clock.now()),
    });
    await audit(tx, deps, ctx, 'issue.updated', issueId, {
      from: issue.status,
      to: input.status ?? issue.status,
      fields: Object.keys(input).filter((k) => input[k as keyof UpdateIssueBody] !== undefined),
    });
    return { id: issueId, status: input.status ?? issue.status, title: input.title ?? issue.title };
  });
}

export async function proposeOption(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  issueId: string,
  input: ProposeOptionBody,
) {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await boardContext(tx, actor, caseId);
    requireProposer(ctx);
    if (!(await repo.findIssue(tx, caseId, issueId))) throw notFound('That issue');
    const proposer = ctx.isMediator ? null : ctx.viewer.participantId;
    const id = await storeOption(tx, deps, ctx, issueId, input, proposer);
    return { id, visibility: input.visibility };
  });
}

/** Seals and stores an option in the viewer's name (a party's participant id, or null for the mediator). */
async function storeOption(
  tx: Tx,
  deps: Deps,
  ctx: CaseAccess,
  issueId: string,
  input: ProposeOptionBody,
  proposerParticipantId: string | null,
) {
  const id = newId();
  const now = iso(deps.clock.now());
  await repo.insertOption(tx, {
    id,
    issue_id: issueId,
    case_id: ctx.c.id,
    proposed_by: ctx.actor.userId,
    proposer_participant_id: proposerParticipantId,
    visibility: input.visibility,
    text_enc: seal(await caseKey(tx, deps, ctx.c.id), input.text),
    created_at: now,
    released_at: input.visibility === 'shared' ? now : null,
  });
  await audit(tx, deps, ctx, 'option.proposed', id, { issueId, visibility: input.visibility });
  return id;
}

/** The proposer shares a private option with everyone. */
export async function releaseOption(deps: Deps, actor: Actor | null, caseId: string, optionId: string) {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await boardContext(tx, actor, caseId);
    const option = await repo.findOption(tx, caseId, optionId);
    if (
      !option ||
      (option.visibility === 'private' && option.proposed_by !== ctx.actor.userId && !ctx.isMediator)
    )
      throw notFound('That option');
    if (option.proposed_by !== ctx.actor.userId)
      throw forbidden('Only the person who proposed it can share it.');
    if (option.visibility === 'shared') return { id: optionId, visibility: 'shared' as const };
    await repo.releaseOption(tx, optionId, iso(deps.clock.now()));
    await audit(tx, deps, ctx, 'option.released', optionId, {});
    return { id: optionId, visibility: 'shared' as const };
  });
}

// For other areas: the negotiation aids put their suggestion on an issue; retention purges a
// closed case's private options.

/** Whether the issue is on the case's board. */
export const issueOnBoard = async (db: Executor, caseId: string, issueId: string) =>
  (await repo.findIssue(db, caseId, issueId)) !== undefined;

/** Puts an option, shared with everyone at the table, on an issue in the mediator's name; its id. */
export const addSharedOption = (tx: Tx, deps: Deps, ctx: CaseAccess, issueId: string, text: string) =>
  storeOption(tx, deps, ctx, issueId, { text, visibility: 'shared' }, null);

/** Removes a case's options still private to the person who proposed them; returns how many went. */
export const purgePrivateOptions = (db: Executor, caseId: string) => repo.deletePrivateOptions(db, caseId);

/** The options a person proposed, in their own words, shared or still private (their data export). */
export const optionsBy = async (db: Executor, deps: Deps, userId: string) =>
  openUnderCaseKeys(db, deps, await repo.listOptionsBy(db, userId), (o, open) => ({
    caseId: o.case_id,
    issueId: o.issue_id,
    visibility: o.visibility,
    text: open(o.text_enc),
    proposedAt: o.created_at,
    releasedAt: o.released_at,
  }));
