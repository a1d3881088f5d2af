import { twilioSignature } from '../../server/infra/texter.ts';
import { inboundUrl } from '../../server/modules/sms/sms.service.ts';
import type { TestApp } from '../app.ts';
import type { TestClient } from '../client.ts';
import { type AccessEntry, CALLERS, type Caller, SIGNED_IN } from './matrix.ts';

/** A US mobile number of the caller's own, by the caller's place in the list and a series. */
const phoneOf = (caller: Caller, series: number) =>
  `573-555-${String(series * 100 + CALLERS.indexOf(caller)).padStart(4, '0')}`;

/** Adds the caller's number and reads the code sent to it from the text outbox. */
async function codeFor(t: TestApp, client: TestClient, caller: Caller, series: number) {
  await client.put('/api/v1/account/mobile', { phone: phoneOf(caller, series) });
  const text = await t.db
    .selectFrom('outbox_texts')
    .select('body')
    .where('to_phone', '=', `+1${phoneOf(caller, series).replace(/-/g, '')}`)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  return /\b(\d{6})\b/.exec(text.body)![1]!;
}

export const entries: AccessEntry[] = [
  { method: 'GET', route: '/api/v1/account/mobile', allowed: SIGNED_IN },
  {
    method: 'PUT',
    route: '/api/v1/account/mobile',
    allowed: SIGNED_IN,
    request: (_w, { caller }) => ({ body: { phone: phoneOf(caller, 21) } }),
  },
  {
    method: 'POST',
    route: '/api/v1/account/mobile/confirm',
    allowed: SIGNED_IN,
    request: async (_w, { caller, client, t }) =>
      caller === 'anonymous'
        ? { body: { code: '123456' } }
        : { body: { code: await codeFor(t, client, caller, 22) } },
  },
  {
    method: 'PUT',
    route: '/api/v1/account/mobile/texts',
    allowed: SIGNED_IN,
    request: async (_w, { caller, client, t }) => {
      if (caller !== 'anonymous')
        await client.post('/api/v1/account/mobile/confirm', { code: await codeFor(t, client, caller, 23) });
      return { body: { optedIn: true } };
    },
  },
  { method: 'DELETE', route: '/api/v1/account/mobile', allowed: SIGNED_IN },
  {
    method: 'POST',
    route: '/api/v1/texts/inbound',
    allowed: 'everyone',
    request: (_w, { t, caller }) => {
      const fields = { From: phoneOf('party', 23), Body: 'STOP', MessageSid: `SM-matrix-${caller}` };
      const token = t.deps.config.texts!.authToken;
      return {
        body: fields,
        headers: { 'x-twilio-signature': twilioSignature(token, inboundUrl(t.deps), fields) },
      };
    },
    note: 'the text provider, proven by the X-Twilio-Signature header rather than a session',
  },
  {
    method: 'GET',
    route: '/api/v1/dev/texts',
    allowed: 'everyone',
    note: 'demo, development and test modes only; never registered in production',
  },
];
