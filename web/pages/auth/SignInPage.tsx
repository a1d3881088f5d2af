import { useEffect, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { completeMfa, resendVerification } from '../../../contracts/accounts.ts';
import { useResetAfterAuthChange, useSession } from '../../api/accounts.ts';
import { useChange } from '../../api/change.ts';
import { call } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Page } from '../../components/Page.tsx';
import { SendForm } from '../../components/SendForm.tsx';
import { SignInForm, useSignIn } from './AccountForms.tsx';
import { CodeField, typedCode } from './fields.tsx';

/**
 * Where to go after signing in: back to the page that sent the person here, else their account.
 * The home page and the sign-in pages are not worth returning to.
 */
function useDestination(): string {
  const from = (useLocation().state as { from?: string } | null)?.from;
  const worthReturning =
    from?.startsWith('/') && !from.startsWith('//') && from !== '/' && !from.startsWith('/sign-');
  return worthReturning && from ? from : '';
}

export function SignInPage() {
  const { t } = useTranslation('auth');
  const session = useSession();
  const navigate = useNavigate();
  const destination = useDestination();
  const reset = useResetAfterAuthChange();
  const [email, setEmail] = useState('');
  // Why the last sign-in ended at the code step (the fifth wrong code).
  const [ended, setEnded] = useState<string | null>(null);

  const finish = async () => {
    await reset();
    // Everyone lands on their home: a coordinator's work queue, a party's cases and next steps.
    navigate(destination || '/', { replace: true });
  };

  const login = useSignIn(finish);
  const { signIn, needsCode, setNeedsCode, notConfirmed } = login;

  const user = session.data?.user;
  if (user && !signIn.busy) {
    return (
      <Page title={t('signIn.title')}>
        <p>
          <Trans
            t={t}
            i18nKey="signIn.signedInAs"
            values={{ name: user.name, email: user.email }}
            components={{ strong: <strong /> }}
          />
        </p>
        <p>
          <Link className="button" to="/account">
            {t('signIn.goAccount')}
          </Link>
        </p>
      </Page>
    );
  }

  if (needsCode || session.data?.mfaPending) {
    return (
      <CodeStep
        onDone={finish}
        onEnded={(message) => {
          setEnded(message);
          setNeedsCode(false);
          void reset();
        }}
      />
    );
  }

  const demo = session.data?.demo;

  return (
    <Page title={t('signIn.title')} lead={t('signIn.lead')}>
      {ended && !signIn.error ? <Alert tone="error">{ended}</Alert> : null}
      <ChangeStatus of={signIn} />
      {notConfirmed ? <ResendVerification email={email} /> : null}
      <SignInForm of={login} email={email} setEmail={setEmail} />
      <p>
        <Trans t={t} i18nKey="signIn.newHere" components={{ go: <Link to="/sign-up" /> }} />
      </p>

      {demo && demo.signIns.length > 0 ? (
        <section className="demo-box" aria-labelledby="demo-title">
          <h2 id="demo-title">{t('signIn.demoTitle')}</h2>
          <p>{t('signIn.demoText')}</p>
          <ul className="demo-list">
            {demo.signIns.map((person) => (
              <li key={person.email}>
                <Button
                  variant="secondary"
                  disabled={signIn.busy}
                  onClick={() => {
                    setEmail(person.email);
                    login.setPassword(person.password);
                    signIn.run({ email: person.email, password: person.password });
                  }}
                >
                  {t('signIn.signInAs', { name: person.name })}
                  <span className="demo-role">{person.role}</span>
                </Button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Page>
  );
}

/**
 * The second step: the code from the person's app, or one of their recovery codes. The fifth wrong
 * code ends the pending sign-in; the page then goes back to the password.
 */
function CodeStep({ onDone, onEnded }: { onDone: () => Promise<void>; onEnded: (message: string) => void }) {
  const { t } = useTranslation('auth');
  const [code, setCode] = useState('');
  const [recovery, setRecovery] = useState(false);
  const verify = useChange((value: string) => call(completeMfa, { body: { code: value } }), {
    onSuccess: onDone,
  });
  const ended = verify.error?.status === 401 && /sign in/i.test(verify.error.message);
  useEffect(() => {
    if (ended && verify.error) onEnded(verify.error.message);
  }, [ended, verify.error, onEnded]);
  return (
    <Page title={t('code.title')} lead={recovery ? t('code.leadRecovery') : t('code.leadApp')}>
      <ChangeStatus of={verify} />
      <SendForm
        onSend={() => verify.run(recovery ? code.trim() : typedCode(code))}
        busy={verify.busy}
        busyLabel={t('code.busy')}
        submit={t('code.submit')}
      >
        <CodeField
          recovery={recovery}
          value={code}
          onChange={setCode}
          error={verify.field('code') ?? (verify.error ? t('code.checkCode') : undefined)}
        />
      </SendForm>
      <p>
        <Button
          variant="link"
          onClick={() => {
            setRecovery(!recovery);
            setCode('');
          }}
        >
          {recovery ? t('code.useApp') : t('code.useRecovery')}
        </Button>
      </p>
    </Page>
  );
}

function ResendVerification({ email }: { email: string }) {
  const { t } = useTranslation('auth');
  const resend = useChange(() => call(resendVerification, { body: { email } }));
  if (resend.result) return <Alert tone="success">{resend.result.message}</Alert>;
  return (
    <div className="alert alert-info">
      <p>{t('resend.text')}</p>
      {resend.error ? <p className="field-error">{resend.error.message}</p> : null}
      <Button
        variant="secondary"
        busy={resend.busy}
        busyLabel={t('resend.busy')}
        onClick={() => resend.run()}
      >
        {t('resend.submit')}
      </Button>
    </div>
  );
}
