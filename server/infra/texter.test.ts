import { describe, expect, it } from 'vitest';
import recorded from './recorded/twilio-messages.json' with { type: 'json' };
import { TextSendError, twilioSignature, twilioSignatureMatches, twilioTexter } from './texter.ts';

const SETTINGS = {
  accountSid: 'AC00000000000000000000000000000000',
  authToken: 'an-auth-token-for-tests',
  from: '+15735550100',
};

type Recorded = { status: number; body: unknown };

/** A fetch that answers with one recorded Twilio answer and keeps what it was asked. */
function replay(answer: Recorded) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetchFn = (async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} });
    return new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': 'application/json' },
    });
  }) as typeof fetch;
  return { fetchFn, calls };
}

describe("Twilio's Messages endpoint", () => {
  it('posts To, From and Body as a form with basic auth, and keeps the message SID', async () => {
    const { fetchFn, calls } = replay(recorded.created);
    const texter = twilioTexter(SETTINGS, fetchFn);
    expect(await texter.send({ to: '+15735550142', body: 'Parley reminder' })).toEqual({
      providerId: 'SM1f0e1d2c3b4a59687766554433221100',
    });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe(
      'https://api.twilio.com/2010-04-01/Accounts/AC00000000000000000000000000000000/Messages.json',
    );
    expect(calls[0]!.init.method).toBe('POST');
    const headers = calls[0]!.init.headers as Record<string, string>;
    expect(headers.authorization).toBe(
      `Basic ${Buffer.from(`${SETTINGS.accountSid}:${SETTINGS.authToken}`).toString('base64')}`,
    );
    expect(headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(String(calls[0]!.init.body)))).toEqual({
      To: '+15735550142',
      From: '+15735550100',
      Body: 'Parley reminder',
    });
  });

  it('gives up on a refused number or account, and tries again after a 429 or a 5xx', async () => {
    const outcome = async (answer: Recorded) => {
      try {
        await twilioTexter(SETTINGS, replay(answer).fetchFn).send({ to: '+15735550142', body: 'x' });
        return 'sent';
      } catch (error) {
        expect(error).toBeInstanceOf(TextSendError);
        return { permanent: (error as TextSendError).permanent, message: (error as Error).message };
      }
    };
    expect(await outcome(recorded.invalidTo)).toMatchObject({
      permanent: true,
      message: expect.stringContaining('error 21211'),
    });
    expect(await outcome(recorded.unsubscribed)).toMatchObject({ permanent: true });
    expect(await outcome(recorded.badCredentials)).toMatchObject({ permanent: true });
    expect(await outcome(recorded.tooManyRequests)).toMatchObject({ permanent: false });
    expect(await outcome(recorded.serverError)).toMatchObject({ permanent: false });
    const unreachable = twilioTexter(SETTINGS, (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch);
    await expect(unreachable.send({ to: '+15735550142', body: 'x' })).rejects.toMatchObject({
      permanent: false,
    });
  });

  it("checks X-Twilio-Signature as Twilio's documentation computes it", () => {
    // The example in Twilio's documentation of request validation.
    const params = {
      CallSid: 'CA1234567890ABCDE',
      Caller: '+14158675310',
      Digits: '1234',
      From: '+14158675310',
      To: '+18005551212',
    };
    const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
    expect(twilioSignature('12345', url, params)).toBe('GvWf1cFY/Q7PnoempGyD5oXAezc=');
    expect(twilioSignatureMatches('12345', url, params, 'GvWf1cFY/Q7PnoempGyD5oXAezc=')).toBe(true);
    expect(
      twilioSignatureMatches('12345', url, { ...params, Digits: '9999' }, 'GvWf1cFY/Q7PnoempGyD5oXAezc='),
    ).toBe(false);
    expect(twilioSignatureMatches('12345', url, params, undefined)).toBe(false);
  });
});
