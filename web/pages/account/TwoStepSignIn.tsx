import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { renderSVG } from 'uqr';
import { disableMfa, enableMfa, type Me, startMfaSetup } from '../../../contracts/accounts.ts';
import { accountKeys } from '../../api/accounts.ts';
import { useChange } from '../../api/change.ts';
import { call } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { ChangeForm } from '../../components/SendForm.tsx';
import { CodeField, PasswordField, typedCode } from '../auth/fields.tsx';
import { RecoveryCodeList, RecoveryCodes } from './RecoveryCodes.tsx';

/** What turning two-step sign-in on or off changes: the account and the session's user. */
const refreshes = [accountKeys.account(), accountKeys.session()];

/** Two-step sign-in (TOTP): a code from an authenticator app after the password. */
export function TwoStepSignIn({ me }: { me: Me }) {
  const { t } = useTranslation('account');
  const [notice, setNotice] = useState<string | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);

  return (
    <section aria-labelledby="two-step" className="panel">
      <h2 id="two-step" tabIndex={-1}>
        {t('twoStep.title')}
      </h2>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {codes ? <RecoveryCodeList codes={codes} /> : null}
      {me.hasMfa ? (
        <>
          <Disable
            onDone={() => {
              setCodes(null);
              setNotice(t('twoStep.off'));
            }}
          />
          <RecoveryCodes left={me.recoveryCodesLeft} />
        </>
      ) : (
        <Enable
          onDone={(recoveryCodes) => {
            setCodes(recoveryCodes);
            setNotice(t('twoStep.on'));
          }}
        />
      )}
    </section>
  );
}

function Enable({ onDone }: { onDone: (recoveryCodes: string[]) => void }) {
  const { t } = useTranslation('account');
  const [code, setCode] = useState('');
  const setup = useChange(() => call(startMfaSetup));
  const enable = useChange(() => call(enableMfa, { body: { code: typedCode(code) } }), {
    invalidates: refreshes,
    onSuccess: (result) => onDone(result.recoveryCodes),
  });
  const qr = useMemo(
    () =>
      setup.result
        ? `data:image/svg+xml;charset=utf-8,${encodeURIComponent(renderSVG(setup.result.otpauthUrl, { border: 2 }))}`
        : null,
    [setup.result],
  );

  if (!setup.result) {
    return (
      <>
        <p>{t('twoStep.intro')}</p>
        <ChangeStatus of={setup} />
        <Button busy={setup.busy} busyLabel={t('twoStep.starting')} onClick={() => setup.run()}>
          {t('twoStep.setUp')}
        </Button>
      </>
    );
  }
  return (
    <>
      <ol className="numbered">
        <li>{t('twoStep.openApp')}</li>
        <li>
          {t('twoStep.scan')}
          {qr ? <img className="qr" src={qr} alt={t('twoStep.qr')} width={200} height={200} /> : null}
          <p>
            {t('twoStep.cannotScan')} <code className="secret">{setup.result.secret}</code>
          </p>
        </li>
        <li>{t('twoStep.typeCode')}</li>
      </ol>
      <ChangeStatus of={enable} />
      <ChangeForm change={enable} busyLabel={t('twoStep.checking')} submit={t('twoStep.turnOn')}>
        <CodeField value={code} onChange={setCode} error={enable.field('code')} />
      </ChangeForm>
    </>
  );
}

function Disable({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation('account');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const disable = useChange(() => call(disableMfa, { body: { password, code: typedCode(code) } }), {
    invalidates: refreshes,
    onSuccess: onDone,
  });
  return (
    <>
      <p>
        <span className="tag tag-ok">{t('twoStep.onTag')}</span> {t('twoStep.onNow')}
      </p>
      <details className="disclosure">
        <summary>{t('twoStep.turnOffSummary')}</summary>
        <ChangeStatus of={disable} />
        <ChangeForm
          change={disable}
          busyLabel={t('twoStep.turningOff')}
          submit={t('twoStep.turnOff')}
          variant="danger"
        >
          <PasswordField
            kind="current"
            value={password}
            onChange={setPassword}
            error={disable.field('password')}
          />
          <CodeField value={code} onChange={setCode} error={disable.field('code')} />
        </ChangeForm>
      </details>
    </>
  );
}
