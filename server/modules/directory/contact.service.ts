import { inTransaction } from '../../db/database.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { HOUR, iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import { findUser } from '../accounts/accounts.service.ts';
import { queueEmail } from '../mail/mail.service.ts';
import { DIRECTORY_EMAILS } from './directory.emails.ts';
import * as repo from './directory.repository.ts';

// The profile's contact form: the visitor writes, Parley e-mails the mediator through the outbox.
// The mediator's address never leaves the server; the visitor's is in the message for the reply.
// Throttled in the database (servers share no memory): per sending address and per mediator.

export const CONTACT_LIMITS = {
  perAddressPerHour: 5,
  perMediatorPerDay: 30,
} as const;

export async function contactMediator(
  deps: Deps,
  input: { profileId: string; ip: string; name: string; email: string; message: string },
) {
  const profile = await repo.findProfileById(deps.db, input.profileId);
  if (profile?.published !== 1) throw notFound('That mediator');
  const now = deps.clock.now();
  const byAddress = await repo.countContactMessages(
    deps.db,
    { ip: input.ip },
    iso(new Date(now.getTime() - HOUR)),
  );
  if (byAddress.count >= CONTACT_LIMITS.perAddressPerHour) {
    const retry = Math.max(
      60,
      Math.ceil((Date.parse(byAddress.oldest ?? iso(now)) + HOUR - now.getTime()) / 1000),
    );
    throw new AppError(
      'RATE_LIMITED',
      `You have sent ${CONTACT_LIMITS.perAddressPerHour} messages in the last hour, the most we allow, to protect mediators from spam. Please try again in about ${Math.ceil(retry / 60)} minutes.`,
      { retryAfterSeconds: retry },
    );
  }
  const day = 24 * HOUR;
  const toMediator = await repo.countContactMessages(
    deps.db,
    { profileId: profile.id },
    iso(new Date(now.getTime() - day)),
  );
  if (toMediator.count >= CONTACT_LIMITS.perMediatorPerDay) {
    const retry = Math.max(
      60,
      Math.ceil((Date.parse(toMediator.oldest ?? iso(now)) + day - now.getTime()) / 1000),
    );
    throw new AppError(
      'RATE_LIMITED',
      'This mediator has received many messages today, so the form is paused for them. Please try again tomorrow, or choose another mediator.',
      { retryAfterSeconds: retry },
    );
  }
  const user = await findUser(deps.db, profile.user_id);
  if (!user) throw notFound('That mediator');
  await inTransaction(deps.db, async (tx) => {
    const id = newId();
    await repo.insertContactMessage(tx, { id, profile_id: profile.id, ip: input.ip, created_at: iso(now) });
    await queueEmail(tx, deps, {
      to: user.email,
      toUserId: profile.user_id,
      ...DIRECTORY_EMAILS.contact({
        mediator: profile.display_name,
        from: input.name,
        replyTo: input.email,
        message: input.message,
      }),
    });
  });
  return {
    sent: true,
    message: 'Your message is on its way. The mediator will reply to the e-mail address you gave.',
  };
}
