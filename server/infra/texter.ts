import { createHmac } from 'node:crypto';
import type { Config } from '../config.ts';
import { safeEqual } from './crypto.ts';

/**
 * Text messages (SMS), beside the mailer: one interface, the adapter chosen by configuration.
 * Twilio's REST API when its three settings are given; otherwise texts stay in the outbox
 * ("held") for the development text outbox page.
 */
export type TextMessage = { to: string; body: string };

/** A send that failed: `permanent` when trying again cannot help (a bad number, a refused account). */
export class TextSendError extends Error {
  readonly permanent: boolean;
  constructor(message: string, permanent: boolean) {
    super(message);
    this.permanent = permanent;
  }
}

/** Sends one text or throws (TextSendError); the outbox job retries with back-off. */
export type Texter = {
  readonly kind: 'twilio' | 'none';
  send(message: TextMessage): Promise<{ providerId: string | null }>;
};

export const noTexter: Texter = {
  kind: 'none',
  async send() {
    return { providerId: null };
  },
};

type Fetch = typeof fetch;

/**
 * Twilio's Messages endpoint: POST /2010-04-01/Accounts/{AccountSid}/Messages.json with To, From
 * and Body as a form, signed in with the account SID and auth token (HTTP basic). A 201 gives the
 * message's SID; a 429 or 5xx is tried again later; any other answer is Twilio refusing this
 * message (its error code and message are kept, never the text's words).
 */
export function twilioTexter(
  settings: { accountSid: string; authToken: string; from: string },
  fetchFn: Fetch = fetch,
  baseUrl = 'https://api.twilio.com',
): Texter {
  const url = `${baseUrl}/2010-04-01/Accounts/${encodeURIComponent(settings.accountSid)}/Messages.json`;
  const auth = `Basic ${Buffer.from(`${settings.accountSid}:${settings.authToken}`).toString('base64')}`;
  return {
    kind: 'twilio',
    async send(message) {
      let response: Response;
      try {
        response = await fetchFn(url, {
          method: 'POST',
          headers: {
            authorization: auth,
            'content-type': 'application/x-www-form-urlencoded',
            accept: 'application/json',
          },
          body: new URLSearchParams({ To: message.to, From: settings.from, Body: message.body }).toString(),
          signal: AbortSignal.timeout(15_000),
        });
      } catch (error) {
        throw new TextSendError(`Twilio could not be reached: ${(error as Error).message}`, false);
      }
      const answer = (await response.json().catch(() => ({}))) as {
        sid?: string;
        code?: number;
        message?: string;
      };
      if (response.status === 200 || response.status === 201) return { providerId: answer.sid ?? null };
      const why = `Twilio answered ${response.status}${answer.code ? ` (error ${answer.code})` : ''}${answer.message ? `: ${answer.message}` : ''}`;
      throw new TextSendError(why, !(response.status === 429 || response.status >= 500));
    },
  };
}

export function texterFor(config: Config): Texter {
  return config.texts?.provider === 'twilio' ? twilioTexter(config.texts) : noTexter;
}

/**
 * Twilio's X-Twilio-Signature: the base64 HMAC-SHA1, under the auth token, of the full URL Twilio
 * called followed by each POST parameter's name and value, sorted by name.
 */
export function twilioSignature(authToken: string, url: string, params: Record<string, string>): string {
  const data = Object.keys(params)
    .sort()
    .reduce((text, key) => text + key + params[key], url);
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

export const twilioSignatureMatches = (
  authToken: string,
  url: string,
  params: Record<string, string>,
  signature: string | undefined,
) => !!signature && safeEqual(twilioSignature(authToken, url, params), signature);
