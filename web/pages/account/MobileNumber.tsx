import { useState } from 'react';
import * as sms from '../../../contracts/sms.ts';
import { useChange } from '../../api/change.ts';
import { call, errorMessage } from '../../api/client.ts';
import { smsKeys, useMobileNumber } from '../../api/sms.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { TextField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { SendForm } from '../../components/SendForm.tsx';

/**
 * Text messages on the account page: add a mobile number, confirm it with the code Parley texts
 * to it, and opt in to session reminders and "signature needed" by text (or out).
 */
export function MobileNumber() {
  const mobile = useMobileNumber();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const opts = { invalidates: [smsKeys.mobile()] };
  const add = useChange(() => call(sms.setMobileNumber, { body: { phone } }), {
    ...opts,
    success: 'We sent a 6-digit code to your phone by text. Enter it below to confirm your number.',
    onSuccess: () => setPhone(''),
  });
  const confirm = useChange(() => call(sms.confirmMobileNumber, { body: { code } }), {
    ...opts,
    success: 'Your mobile number is confirmed.',
    onSuccess: () => setCode(''),
  });
  const texts = useChange((optedIn: boolean) => call(sms.setTextMessages, { body: { optedIn } }), {
    ...opts,
    success: (r) =>
      r.optedIn
        ? 'You will get session reminders and "signature needed" by text. Reply STOP to any text to stop them.'
        : 'Parley will not text you.',
  });
  const remove = useChange(() => call(sms.removeMobileNumber), {
    ...opts,
    success: 'Your mobile number is removed. Parley will not text you.',
  });

  return (
    <section aria-labelledby="mobile-title" className="panel">
      <h2 id="mobile-title">Text messages</h2>
      <ChangeStatus of={[add, confirm, texts, remove]} />
      {mobile.isPending ? <Loading what="Loading your mobile number" /> : null}
      {mobile.isError ? <Alert tone="error">{errorMessage(mobile.error)}</Alert> : null}
      {mobile.data && !mobile.data.available ? <p>Parley does not send text messages here.</p> : null}
      {mobile.data?.available ? (
        <>
          <p>
            Parley can text you a reminder the day before a session and when your signature is needed. A text
            says only what happened and links to Parley; it never carries what anyone wrote.
          </p>
          {mobile.data.phone ? (
            <dl className="facts">
              <div>
                <dt>Mobile number</dt>
                <dd>
                  {mobile.data.phone}{' '}
                  {mobile.data.confirmed ? (
                    <span className="tag tag-ok">confirmed</span>
                  ) : (
                    <span className="tag">not confirmed</span>
                  )}
                </dd>
              </div>
              {mobile.data.confirmed ? (
                <div>
                  <dt>Texts</dt>
                  <dd>
                    {mobile.data.optedIn
                      ? 'On: session reminders and signatures needed'
                      : mobile.data.stopped
                        ? 'Off: you replied STOP from this phone'
                        : 'Off'}
                  </dd>
                </div>
              ) : null}
            </dl>
          ) : null}
          {mobile.data.can.confirm ? (
            <SendForm
              onSend={() => confirm.run()}
              busy={confirm.busy}
              busyLabel="Confirming…"
              submit="Confirm"
            >
              <TextField
                label="Code from the text"
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                hint="6 digits. It works for 15 minutes."
                value={code}
                onChange={(e) => setCode(e.target.value)}
                error={confirm.field('code')}
              />
            </SendForm>
          ) : null}
          {mobile.data.can.optIn || mobile.data.can.optOut ? (
            <div className="form-actions">
              {mobile.data.can.optIn ? (
                <Button busy={texts.busy} onClick={() => texts.run(true)}>
                  Text me reminders
                </Button>
              ) : (
                <Button variant="secondary" busy={texts.busy} onClick={() => texts.run(false)}>
                  Stop texting me
                </Button>
              )}
            </div>
          ) : null}
          {mobile.data.can.add ? (
            <SendForm
              onSend={() => add.run()}
              busy={add.busy}
              busyLabel="Sending a code…"
              submit={mobile.data.phone ? 'Change number and send a code' : 'Send me a code'}
              variant={mobile.data.phone ? 'secondary' : undefined}
            >
              <TextField
                label={mobile.data.phone ? 'A new mobile number' : 'Mobile number'}
                name="phone"
                type="tel"
                autoComplete="tel"
                hint="A US mobile number, like 573-555-0142. Parley shows it to nobody else."
                value={phone}
                onChange={(e) => setPhone(e.target.value)}
                error={add.field('phone')}
              />
            </SendForm>
          ) : null}
          {mobile.data.can.remove ? (
            <Button variant="link" busy={remove.busy} onClick={() => remove.run()}>
              Remove my mobile number
            </Button>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
