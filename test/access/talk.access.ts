import { inTransaction } from '../../server/db/database.ts';
import type { TestApp } from '../app.ts';
import { json, signedIn } from '../client.ts';
import { attached, PDF_BYTES } from '../uploads.ts';
import type { AccessEntry, AccessWorld } from './matrix.ts';
import { AT_TABLE, caseEntry, copyMatrixCase, ON_CASE } from './matrix-case.ts';

/**
 * Messages and the document folder on a case in mediation: a copy of the mediation area's matrix
 * case (set up before this file's, in name order), where the matrix's party asked, the advocate is
 * beside them and the matrix's mediator has it. The party uploaded four files: one shared with
 * everyone, two for the mediator only (one of which the mediator asked to share), and one more
 * for the mediator only that the party will share.
 */
export async function setup(t: TestApp, world: AccessWorld) {
  const caseId = await inTransaction(t.db, (tx) => copyMatrixCase(tx, world.extra.m2Case!, 'TALK'));
  const party = await signedIn(t.app, world.people.party);
  const mediator = await signedIn(t.app, world.people.mediator);
  const c = (rest: string) => `/api/v1/cases/${caseId}${rest}`;
  const must = async (p: Promise<{ statusCode: number; body: string }>) => {
    const r = await p;
    if (r.statusCode >= 300) throw new Error(`talk matrix setup: ${r.statusCode} ${r.body}`);
    return json<{ id: string }>(r as never).id;
  };
  const upload = (name: string, visibility: 'mediator' | 'everyone') =>
    must(party.post(c('/documents'), { file: attached(name, PDF_BYTES), visibility }));
  const shared = await upload('shared.pdf', 'everyone');
  const toShare = await upload('to-share.pdf', 'mediator');
  const toAsk = await upload('to-ask.pdf', 'mediator');
  const asked = await upload('asked.pdf', 'mediator');
  await must(mediator.post(c(`/documents/${asked}/share-request`)));
  Object.assign(world.extra, {
    talkCase: caseId,
    talkShared: shared,
    talkToShare: toShare,
    talkToAsk: toAsk,
    talkAsked: asked,
  });
}

const c = (w: AccessWorld, rest: string) => `/api/v1/cases/${w.extra.talkCase}${rest}`;
const pdf = attached('v.pdf', PDF_BYTES);

export const entries: AccessEntry[] = [
  caseEntry(
    'GET',
    '/threads',
    ON_CASE,
    (w) => ({ url: c(w, '/threads') }),
    'each reads only their own conversations: a side with the mediator, the program with the mediators',
  ),
  caseEntry(
    'POST',
    '/threads/:thread/messages',
    AT_TABLE,
    (w) => ({ url: c(w, '/threads/requester/messages'), body: { body: 'A message' } }),
    'the requesting side’s conversation: that side and the mediator, never the program',
  ),
  caseEntry('POST', '/threads/:thread/open', ['mediator'], (w) => ({ url: c(w, '/threads/everyone/open') })),
  caseEntry(
    'GET',
    '/documents',
    AT_TABLE,
    (w) => ({ url: c(w, '/documents') }),
    'the people at the table and the mediator; not the program',
  ),
  caseEntry('POST', '/documents', AT_TABLE, (w) => ({
    url: c(w, '/documents'),
    body: { file: pdf, visibility: 'mediator' },
  })),
  caseEntry(
    'POST',
    '/documents/:documentId/versions',
    ['party'],
    (w) => ({ url: c(w, `/documents/${w.extra.talkShared}/versions`), body: { file: pdf } }),
    'its uploader only',
  ),
  caseEntry('GET', '/documents/:documentId/versions/:version/file', AT_TABLE, (w) => ({
    url: c(w, `/documents/${w.extra.talkShared}/versions/1/file`),
  })),
  caseEntry(
    'PUT',
    '/documents/:documentId/visibility',
    ['party'],
    (w) => ({ url: c(w, `/documents/${w.extra.talkToShare}/visibility`), body: { visibility: 'everyone' } }),
    'its uploader only: the mediator must ask',
  ),
  caseEntry('POST', '/documents/:documentId/share-request', ['mediator'], (w) => ({
    url: c(w, `/documents/${w.extra.talkToAsk}/share-request`),
  })),
  caseEntry(
    'POST',
    '/documents/:documentId/share-request/answer',
    ['party'],
    (w) => ({ url: c(w, `/documents/${w.extra.talkAsked}/share-request/answer`), body: { agree: true } }),
    'its uploader answers the mediator’s request',
  ),
];
