import type { Insertable } from 'kysely';
import type { CaseState } from '../../domain/case-lifecycle.ts';
import { inTransaction, type Tx } from '../../server/db/database.ts';
import type { DisqualificationRequestsTable } from '../../server/db/tables/cases.ts';
import { iso } from '../../server/infra/clock.ts';
import { newId } from '../../server/infra/ids.ts';
import * as repo from '../../server/modules/cases/cases.repository.ts';
import type { TestApp } from '../app.ts';
import { specialEducationRequest } from '../cases.ts';
import { json, signedIn } from '../client.ts';
import type { AccessEntry, AccessWorld, Caller } from './matrix.ts';

type Person = { id: string; email: string };

/** Puts someone on a matrix case as an active participant, as if they had accepted an invitation. */
export async function addMatrixParticipant(
  tx: Tx,
  caseId: string,
  person: Person,
  place: {
    side: 'requester' | 'respondent';
    role: 'party' | 'advocate' | 'attorney';
    name: string;
    organization?: string | null;
  },
  now: string,
) {
  await repo.insertParticipant(tx, {
    id: newId(),
    case_id: caseId,
    user_id: person.id,
    side: place.side,
    role: place.role,
    name: place.name,
    organization: place.organization ?? null,
    email: person.email,
    is_attorney: place.role === 'attorney' ? 1 : 0,
    status: 'active',
    added_by: null,
    created_at: now,
  });
}

/** Puts the matrix's advocate or attorney on a matrix case, beside the party who asked for it. */
export const addMatrixCompanion = (
  tx: Tx,
  caseId: string,
  world: AccessWorld,
  role: 'advocate' | 'attorney',
  now: string,
) =>
  addMatrixParticipant(
    tx,
    caseId,
    world.people[role],
    { side: 'requester', role, name: role === 'advocate' ? 'Matrix Advocate' : 'Matrix Attorney' },
    now,
  );

/**
 * A special-education case the matrix's party asked for (the other party's address is
 * `districtEmail`), with the matrix's advocate on the party's side and the matrix's mediator
 * accepted; it stands in `state`. `more` runs in the same transaction for what an area adds.
 */
export async function matrixCase(
  t: TestApp,
  world: AccessWorld,
  districtEmail: string,
  state: Extract<CaseState, 'agreement_to_mediate' | 'in_mediation'>,
  more?: (tx: Tx, caseId: string, now: string) => Promise<void>,
) {
  const party = await signedIn(t.app, world.people.party);
  const created = await party.post('/api/v1/cases', specialEducationRequest(world.program.id, districtEmail));
  const caseId = json<{ id: string }>(created).id;
  const now = iso(t.clock.now());
  await inTransaction(t.db, async (tx) => {
    await addMatrixCompanion(tx, caseId, world, 'advocate', now);
    await repo.updateCase(tx, caseId, {
      state,
      consented_at: now,
      mediator_id: world.people.mediator.id,
      mediator_status: 'accepted',
      mediator_chosen_at: now,
      ...(state === 'in_mediation' ? { ready_at: now } : {}),
    });
    await more?.(tx, caseId, now);
  });
  return { caseId, party, now };
}

/**
 * Another case exactly like a matrix case (same people, same step), for a change each caller
 * makes on a case of their own (withdrawing it, asking to disqualify its mediator). Written
 * straight to the tables, so the matrix asks for mediation only once.
 */
export async function copyMatrixCase(tx: Tx, caseId: string, suffix: string) {
  const c = await repo.findCase(tx, caseId);
  if (!c) throw new Error(`no matrix case ${caseId}`);
  const id = newId();
  await repo.insertCase(tx, {
    ...c,
    id,
    reference: `${c.reference}-${suffix}`,
    safeguards: JSON.stringify(c.safeguards),
    declined_mediators: JSON.stringify(c.declined_mediators),
  });
  for (const p of await repo.listParticipants(tx, caseId))
    await repo.insertParticipant(tx, { ...p, id: newId(), case_id: id, invitation_id: null });
  return id;
}

/**
 * The matrix's party asks to disqualify the matrix's mediator from a case; `more` fills in what
 * came after (the other side's denial, an outcome). Returns the request's id.
 */
export async function insertDisqualificationRequest(
  tx: Tx,
  world: AccessWorld,
  caseId: string,
  now: string,
  more: Partial<Insertable<DisqualificationRequestsTable>> = {},
) {
  const id = newId();
  await tx
    .insertInto('disqualification_requests')
    .values({
      id,
      case_id: caseId,
      mediator_id: world.people.mediator.id,
      side: 'requester',
      requested_by: world.people.party.id,
      reason: 'matrix',
      requested_at: now,
      outcome: 'pending',
      ...more,
    })
    .execute();
  return id;
}

/** Everyone with a place on a matrix case: its people, its mediator, its program's coordinator, an administrator. */
export const ON_CASE: Caller[] = ['party', 'advocate', 'mediator', 'coordinator', 'admin'];
/** The people at the table: the party, their advocate and the mediator. */
export const AT_TABLE: Caller[] = ['party', 'advocate', 'mediator'];

/** The path of the cases area's matrix case (its setup is in cases.access.ts), with `rest` after it. */
export const matrixCasePath = (w: AccessWorld, rest = '') => `/api/v1/cases/${w.extra.caseId}${rest}`;

/** The caller's own copy of the matrix case for a change made once (anyone else tries the party's). */
export const ownCopy = (w: AccessWorld, what: string, caller: Caller) =>
  w.extra[`${what}:${caller}`] ?? w.extra[`${what}:party`]!;

/** The matrix's entry for a route under /api/v1/cases/:caseId (`rest` is the path after it). */
export const caseEntry = (
  method: AccessEntry['method'],
  rest: string,
  allowed: Caller[],
  request: (w: AccessWorld) => { url?: string; body?: unknown },
  note?: string,
): AccessEntry => ({
  method,
  route: `/api/v1/cases/:caseId${rest}`,
  allowed,
  request,
  ...(note ? { note } : {}),
});
