import { randomInt } from 'node:crypto';
import { z } from 'zod';
import type {
  ConfirmMobileBody,
  MobileNumber,
  OutboxText,
  SetMobileBody,
  TextOutboxQuery,
} from '../../../contracts/sms.ts';
import { formatUsMobile, isStopReply, normalizeUsMobile } from '../../../domain/sms.ts';
import { type Executor, inTransaction, type Tx } from '../../db/database.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { DAY, iso, MINUTE } from '../../infra/clock.ts';
import { deriveKey, hashToken, safeEqual } from '../../infra/crypto.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import { TextSendError, twilioSignatureMatches } from '../../infra/texter.ts';
import { defineJob, enqueueJob } from '../../jobs/runner.ts';
import { type Actor, requireActor } from '../access/access.service.ts';
import { consumeQuota, type Refusal } from '../access/throttle.service.ts';
import { languageOfRecipient } from '../accounts/accounts.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as repo from './sms.repository.ts';
import { SMS_TEXTS, type TextWords } from './sms.texts.ts';

/**
 * Text messages beside e-mail: a person adds a mobile number, confirms it with a code sent to it,
 * and opts in; areas then text them through `textPerson` (session reminders, signatures needed).
 * Texts go through the outbox and the job runner like e-mail, retried with back-off; a STOP from
 * the phone (the provider's inbound webhook) opts the number out, and a text still queued for a
 * stopped number is not sent.
 */

export const SEND_TEXT_JOB = 'texts.send';
const MAX_ATTEMPTS = 6;
const CODE_MINUTES = 15;
const CODE_TRIES = 5;
/** Confirmation codes texted to one person a day, and what a person past it reads. */
const CODES_PER_DAY = 5;
const codesRefusal = (): Refusal => ({ key: 'sms.codesPerDay', args: { count: CODES_PER_DAY } });

type OutgoingText = {
  to: string;
  toUserId?: string | null;
  /** Which text this is ("session-reminder"): for tests and the development outbox. */
  template: string;
  body: string;
  caseId?: string | null;
};

/** Puts a text in the outbox inside the caller's transaction; without a provider it is held. */
export async function queueText(db: Executor, deps: Pick<Deps, 'clock' | 'texter'>, text: OutgoingText) {
  const id = newId();
  const held = deps.texter.kind === 'none';
  await repo.insertText(db, {
    id,
    to_phone: text.to,
    to_user_id: text.toUserId ?? null,
    template: text.template,
    body: text.body,
    case_id: text.caseId ?? null,
    status: held ? 'held' : 'queued',
    last_error: null,
    provider_id: null,
    created_at: iso(deps.clock.now()),
    sent_at: null,
  });
  if (!held)
    await enqueueJob(db, deps, { kind: SEND_TEXT_JOB, payload: { textId: id }, maxAttempts: MAX_ATTEMPTS });
  return id;
}

const optedIn = (m: repo.MobileRow | undefined): m is repo.MobileRow =>
  !!m && m.confirmed_at !== null && m.opted_in === 1 && m.stopped_at === null;

// For other areas: a text to a person who confirmed a mobile number and opted in.

/** A text's words in the language on the account of the person it goes to (words as given stay). */
const wordsFor = async (db: Executor, userId: string, body: string | TextWords) =>
  typeof body === 'string' ? body : body(await languageOfRecipient(db, { userId }));

/**
 * Texts a person if they confirmed a number and opted in (else nothing), in the language on their
 * account; whether it was queued.
 */
export async function textPerson(
  tx: Executor,
  deps: Deps,
  userId: string,
  text: { template: string; body: string | TextWords; caseId?: string | null },
): Promise<boolean> {
  if (!deps.config.texts) return false;
  const mobile = await repo.findMobile(tx, userId);
  if (!optedIn(mobile)) return false;
  await queueText(tx, deps, {
    to: mobile.phone,
    toUserId: userId,
    template: text.template,
    body: await wordsFor(tx, userId, text.body),
    caseId: text.caseId ?? null,
  });
  return true;
}

/** Sends one queued text; a failure that may pass is retried with back-off by the runner. */
async function sendQueuedText(deps: Deps, { textId }: { textId: string }) {
  const text = await repo.findText(deps.db, textId);
  if (text?.status !== 'queued') return;
  // A STOP (or opting out) after the text was queued is honored: it does not go.
  const stillWanted = text.to_user_id
    ? optedIn(await repo.findMobile(deps.db, text.to_user_id)) || text.template === 'mobile-code'
    : !(await repo.phoneStopped(deps.db, text.to_phone));
  if (!stillWanted || (await repo.phoneStopped(deps.db, text.to_phone))) {
    await repo.setTextStatus(deps.db, textId, 'stopped');
    return;
  }
  try {
    const { providerId } = await deps.texter.send({ to: text.to_phone, body: text.body });
    await repo.markTextSent(deps.db, textId, iso(deps.clock.now()), providerId);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const permanent = error instanceof TextSendError && error.permanent;
    await repo.markTextAttemptFailed(
      deps.db,
      textId,
      message,
      permanent || text.attempts + 1 >= MAX_ATTEMPTS,
    );
    // Trying again cannot help a refused number: the job ends here, the text marked failed.
    if (!permanent) throw error;
  }
}

export const SMS_JOBS = [
  defineJob({ kind: SEND_TEXT_JOB, payload: z.object({ textId: z.string() }), run: sendQueuedText }),
];

// A person's own number.

function present(deps: Deps, m: repo.MobileRow | undefined): MobileNumber {
  const available = deps.config.texts !== null;
  const confirmed = !!m?.confirmed_at;
  const isIn = optedIn(m);
  return {
    available,
    phone: m ? formatUsMobile(m.phone) : null,
    confirmed,
    codeSent: !!m && !confirmed && m.code_hash !== null,
    optedIn: isIn,
    stopped: !!m?.stopped_at,
    can: {
      add: available,
      confirm: available && !!m && !confirmed && m.code_hash !== null,
      optIn: available && confirmed && !isIn,
      optOut: isIn,
      remove: !!m,
    },
  };
}

export async function getMobile(deps: Deps, actor: Actor | null): Promise<MobileNumber> {
  requireActor(actor);
  return present(deps, await repo.findMobile(deps.db, actor.userId));
}

const codeSecret = (deps: Deps) => deriveKey(deps.config.appSecret, 'mobile-code').toString('hex');
const hashCode = (deps: Deps, userId: string, code: string) =>
  hashToken(`${userId}:${code}`, codeSecret(deps));

const audit = (tx: Tx, deps: Deps, actor: Actor, kind: Parameters<typeof recordAudit>[1]['kind']) =>
  recordAudit(tx, {
    kind,
    at: deps.clock.now(),
    actorId: actor.userId,
    subjectType: 'user',
    subjectId: actor.userId,
    ip: actor.ip,
  });

export async function setMobile(deps: Deps, actor: Actor | null, body: SetMobileBody): Promise<MobileNumber> {
  requireActor(actor);
  if (!deps.config.texts) throw invalid('phone', 'Parley does not send text messages here');
  const phone = normalizeUsMobile(body.phone);
  if (!phone) throw invalid('phone', 'Enter a US mobile number, like 573-555-0142');
  return inTransaction(deps.db, async (tx) => {
    await consumeQuota(
      tx,
      deps.clock,
      `person:mobile-codes:${actor.userId}`,
      { limit: CODES_PER_DAY, windowMs: DAY },
      codesRefusal,
    );
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const now = deps.clock.now();
    await repo.upsertMobile(tx, {
      user_id: actor.userId,
      phone,
      confirmed_at: null,
      opted_in: 0,
      code_hash: hashCode(deps, actor.userId, code),
      code_expires_at: iso(new Date(now.getTime() + CODE_MINUTES * MINUTE)),
      stopped_at: null,
      updated_at: iso(now),
    });
    await queueText(tx, deps, {
      to: phone,
      toUserId: actor.userId,
      template: 'mobile-code',
      body: await wordsFor(tx, actor.userId, SMS_TEXTS.code(code)),
    });
    await audit(tx, deps, actor, 'mobile.added');
    return present(deps, await repo.findMobile(tx, actor.userId));
  });
}

export async function confirmMobile(
  deps: Deps,
  actor: Actor | null,
  body: ConfirmMobileBody,
): Promise<MobileNumber> {
  requireActor(actor);
  const result = await inTransaction(deps.db, async (tx) => {
    const m = await repo.findMobile(tx, actor.userId);
    if (!m || m.confirmed_at)
      return { error: invalid('code', 'There is no code waiting: add your mobile number first') };
    const now = deps.clock.now();
    if (!m.code_hash || !m.code_expires_at || m.code_expires_at <= iso(now) || m.code_attempts >= CODE_TRIES)
      return { error: invalid('code', 'That code has expired: save your number again for a new one') };
    if (!safeEqual(m.code_hash, hashCode(deps, actor.userId, body.code))) {
      // A wrong try counts (outside a rollback): five, and the code stops working.
      await repo.updateMobile(tx, actor.userId, { code_attempts: m.code_attempts + 1 });
      return { error: invalid('code', 'That code is not right: check the text and try again') };
    }
    await repo.updateMobile(tx, actor.userId, {
      confirmed_at: iso(now),
      code_hash: null,
      code_expires_at: null,
      updated_at: iso(now),
    });
    await audit(tx, deps, actor, 'mobile.confirmed');
    return { view: present(deps, await repo.findMobile(tx, actor.userId)) };
  });
  if ('error' in result) throw result.error;
  return result.view;
}

export async function setTexts(deps: Deps, actor: Actor | null, optIn: boolean): Promise<MobileNumber> {
  requireActor(actor);
  return inTransaction(deps.db, async (tx) => {
    const m = await repo.findMobile(tx, actor.userId);
    if (!m?.confirmed_at) throw invalid('optedIn', 'Confirm your mobile number first');
    if (optIn && !deps.config.texts) throw invalid('optedIn', 'Parley does not send text messages here');
    const now = iso(deps.clock.now());
    await repo.updateMobile(tx, actor.userId, {
      opted_in: optIn ? 1 : 0,
      ...(optIn ? { stopped_at: null } : {}),
      updated_at: now,
    });
    await audit(tx, deps, actor, optIn ? 'texts.opted_in' : 'texts.opted_out');
    return present(deps, await repo.findMobile(tx, actor.userId));
  });
}

export async function removeMobile(deps: Deps, actor: Actor | null): Promise<void> {
  requireActor(actor);
  await inTransaction(deps.db, async (tx) => {
    await repo.deleteMobile(tx, actor.userId);
    await audit(tx, deps, actor, 'mobile.removed');
  });
}

// The provider's webhook.

/** The address the provider calls, as it signs it. */
export const inboundUrl = (deps: Deps) => `${deps.config.publicUrl.replace(/\/$/, '')}/api/v1/texts/inbound`;

/**
 * A text to Parley's number: checked by its X-Twilio-Signature; a STOP (or another opt-out word)
 * opts out every account on that number. Any other reply is ignored, and no reply's words are kept.
 */
export async function inboundText(
  deps: Deps,
  params: Record<string, string>,
  signature: string | undefined,
): Promise<void> {
  const token = deps.config.texts?.authToken;
  if (!token) throw new AppError('NOT_FOUND', 'Parley does not take text messages here.');
  if (!twilioSignatureMatches(token, inboundUrl(deps), params, signature))
    throw new AppError(
      'FORBIDDEN',
      'The X-Twilio-Signature header does not match: the message was refused.',
      {
        fields: { 'x-twilio-signature': 'does not match' },
      },
    );
  const from = normalizeUsMobile(params.From ?? '') ?? params.From;
  if (!from || !isStopReply(params.Body ?? '')) return;
  await inTransaction(deps.db, async (tx) => {
    const accounts = await repo.findOptedInByPhone(tx, from);
    await repo.stopPhone(tx, from, iso(deps.clock.now()));
    for (const a of accounts)
      await recordAudit(tx, {
        kind: 'texts.stopped',
        at: deps.clock.now(),
        actorId: a.user_id,
        subjectType: 'user',
        subjectId: a.user_id,
      });
  });
}

// The development text outbox.

export async function listTextOutbox(deps: Pick<Deps, 'db'>, query: TextOutboxQuery): Promise<OutboxText[]> {
  const to = query.to ? (normalizeUsMobile(query.to) ?? query.to) : undefined;
  return (await repo.listTexts(deps.db, { to, limit: query.limit })).map((t) => ({
    id: t.id,
    to: formatUsMobile(t.to_phone),
    template: t.template,
    body: t.body,
    status: t.status,
    attempts: t.attempts,
    createdAt: t.created_at,
    sentAt: t.sent_at,
  }));
}

// For other areas: a person's number and texts for their data export, and forgetting them.

export async function textRecordsOf(db: Executor, userId: string) {
  const m = await repo.findMobile(db, userId);
  return {
    mobileNumber: m
      ? { phone: m.phone, confirmedAt: m.confirmed_at, optedIn: m.opted_in === 1, stoppedAt: m.stopped_at }
      : null,
    texts: (await repo.listTextsTo(db, userId)).map((t) => ({
      createdAt: t.created_at,
      sentAt: t.sent_at,
      status: t.status,
      text: t.body,
    })),
  };
}

export const forgetTextsOf = (db: Executor, userId: string) => repo.deleteAllOf(db, userId);
