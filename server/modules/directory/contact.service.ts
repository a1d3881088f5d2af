import { DEFAULT_LANGUAGE, type Language, languageOr } from '../../../domain/languages.ts';
import { inTransaction } from '../../db/database.ts';
import { notFound } from '../../http/errors.ts';
import { DAY, HOUR, iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import { consumeQuota, waitArgs } from '../access/throttle.service.ts';
import { findUser } from '../accounts/accounts.service.ts';
import { queueEmail } from '../mail/mail.service.ts';
import { DIRECTORY_EMAILS } from './directory.emails.ts';
import * as repo from './directory.repository.ts';

// The profile's contact form: the visitor writes, Parley e-mails the mediator through the outbox.
// The mediator's address never leaves the server; the visitor's is in the message for the reply.
// Throttled in the database (servers share no memory) by consumeQuota: per sending address and
// per mediator.

export const CONTACT_LIMITS = {
  perAddressPerHour: 5,
  perMediatorPerDay: 30,
} as const;

export async function contactMediator(
  deps: Deps,
  input: { profileId: string; ip: string; name: string; email: string; message: string },
  /** The language of the page the visitor wrote from: the answer's. */
  language: Language = DEFAULT_LANGUAGE,
) {
  const profile = await repo.findProfileById(deps.db, input.profileId);
  if (profile?.published !== 1) throw notFound('That mediator');
  const now = deps.clock.now();
  const user = await findUser(deps.db, profile.user_id);
  if (!user) throw notFound('That mediator');
  await inTransaction(deps.db, async (tx) => {
    await consumeQuota(
      tx,
      deps.clock,
      `contact:address:${input.ip}`,
      { limit: CONTACT_LIMITS.perAddressPerHour, windowMs: HOUR },
      (wait) => ({
        key: 'directory.contactPerAddress',
        args: { count: CONTACT_LIMITS.perAddressPerHour, ...waitArgs(wait) },
      }),
    );
    await consumeQuota(
      tx,
      deps.clock,
      `contact:mediator:${profile.id}`,
      { limit: CONTACT_LIMITS.perMediatorPerDay, windowMs: DAY },
      () => ({
        key: 'directory.contactPerMediator',
      }),
    );
    const id = newId();
    await repo.insertContactMessage(tx, { id, profile_id: profile.id, ip: input.ip, created_at: iso(now) });
    await queueEmail(tx, deps, {
      to: user.email,
      toUserId: profile.user_id,
      // In the mediator's language (their account's).
      ...DIRECTORY_EMAILS.contact(
        {
          mediator: profile.display_name,
          from: input.name,
          replyTo: input.email,
          message: input.message,
        },
        languageOr(user.language),
      ),
    });
  });
  return { sent: true, message: DIRECTORY_EMAILS.sent(language) };
}
