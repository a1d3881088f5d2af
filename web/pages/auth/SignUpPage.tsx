import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Page } from '../../components/Page.tsx';
import { NewAccountForm } from './AccountForms.tsx';

export function SignUpPage() {
  const { t } = useTranslation('auth');
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState<string | null>(null);

  if (sent !== null) {
    return (
      <Page title={t('signUp.checkTitle')}>
        <Alert tone="success">{sent}</Alert>
        <p>
          <Trans t={t} i18nKey="signUp.sent" values={{ email }} components={{ strong: <strong /> }} />
        </p>
        <p>{t('signUp.spam')}</p>
        <p>
          <Link to="/sign-in">{t('signUp.goSignIn')}</Link>
        </p>
      </Page>
    );
  }

  return (
    <Page title={t('signUp.title')} lead={t('signUp.lead')}>
      <NewAccountForm
        email={email}
        setEmail={setEmail}
        onSent={(answer) => setSent(answer.message)}
        chooseLanguage
      />
      <p>
        <Trans t={t} i18nKey="signUp.haveAccount" components={{ go: <Link to="/sign-in" /> }} />
      </p>
    </Page>
  );
}
