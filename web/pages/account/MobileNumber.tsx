import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as sms from '../../../contracts/sms.ts';
import { useChange } from '../../api/change.ts';
import { call, errorMessage } from '../../api/client.ts';
import { smsKeys, useMobileNumber } from '../../api/sms.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { TextField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ChangeForm } from '../../components/SendForm.tsx';

/**
 * Text messages on the account page: add a mobile number, confirm it with the code Parley texts
 * to it, and opt in to session reminders and "signature needed" by text (or out).
 */
export function MobileNumber() {
  const { t } = useTranslation('account');
  const mobile = useMobileNumber();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const opts = { invalidates: [smsKeys.mobile()] };
  const add = useChange(() => call(sms.setMobileNumber, { body: { phone } }), {
    ...opts,
    success: t('mobile.sent'),
    onSuccess: () => setPhone(''),
  });
  const confirm = useChange(() => call(sms.confirmMobileNumber, { body: { code } }), {
    ...opts,
    success: t('mobile.confirmed'),
    onSuccess: () => setCode(''),
  });
  const texts = useChange((optedIn: boolean) => call(sms.setTextMessages, { body: { optedIn } }), {
    ...opts,
    success: (r) => (r.optedIn ? t('mobile.optedIn') : t('mobile.optedOut')),
  });
  const remove = useChange(() => call(sms.removeMobileNumber), {
    ...opts,
    success: t('mobile.removed'),
  });

  return (
    <section aria-labelledby="mobile-title" className="panel">
      <h2 id="mobile-title">{t('mobile.title')}</h2>
      <ChangeStatus of={[add, confirm, texts, remove]} />
      {mobile.isPending ? <Loading what={t('mobile.loading')} /> : null}
      {mobile.isError ? <Alert tone="error">{errorMessage(mobile.error)}</Alert> : null}
      {mobile.data && !mobile.data.available ? <p>{t('mobile.unavailable')}</p> : null}
      {mobile.data?.available ? (
        <>
          <p>{t('mobile.intro')}</p>
          {mobile.data.phone ? (
            <dl className="facts">
              <div>
                <dt>{t('mobile.number')}</dt>
                <dd>
                  {mobile.data.phone}{' '}
                  {mobile.data.confirmed ? (
                    <span className="tag tag-ok">{t('page.confirmed')}</span>
                  ) : (
                    <span className="tag">{t('page.notConfirmed')}</span>
                  )}
                </dd>
              </div>
              {mobile.data.confirmed ? (
                <div>
                  <dt>{t('mobile.texts')}</dt>
                  <dd>
                    {mobile.data.optedIn
                      ? t('mobile.on')
                      : mobile.data.stopped
                        ? t('mobile.stopped')
                        : t('mobile.off')}
                  </dd>
                </div>
              ) : null}
            </dl>
          ) : null}
          {mobile.data.can.confirm ? (
            <ChangeForm change={confirm} busyLabel={t('mobile.confirming')} submit={t('mobile.confirm')}>
              <TextField
                label={t('mobile.code')}
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                hint={t('mobile.codeHint')}
                value={code}
                onChange={(e) => setCode(e.target.value)}
                error={confirm.field('code')}
              />
            </ChangeForm>
          ) : null}
          {mobile.data.can.optIn || mobile.data.can.optOut ? (
            <div className="form-actions">
              {mobile.data.can.optIn ? (
                <Button busy={texts.busy} onClick={() => texts.run(true)}>
                  {t('mobile.optIn')}
                </Button>
              ) : (
                <Button variant="secondary" busy={texts.busy} onClick={() => texts.run(false)}>
                  {t('mobile.optOut')}
                </Button>
              )}
            </div>
          ) : null}
          {mobile.data.can.add ? (
            <ChangeForm
              change={add}
              busyLabel={t('mobile.sending')}
              submit={mobile.data.phone ? t('mobile.change') : t('mobile.send')}
              variant={mobile.data.phone ? 'secondary' : undefined}
            >
              <TextField
                label={mobile.data.phone ? t('mobile.newNumber') : t('mobile.number')}
                name="phone"
                type="tel"
                autoComplete="tel"
                hint={t('mobile.numberHint')}
                value={phone}
                onChange={(e) => setPhone(e.target.value)}
                error={add.field('phone')}
              />
            </ChangeForm>
          ) : null}
          {mobile.data.can.remove ? (
            <Button variant="link" busy={remove.busy} onClick={() => remove.run()}>
              {t('mobile.remove')}
            </Button>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
