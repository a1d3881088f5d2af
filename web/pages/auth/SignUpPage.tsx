import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { signUp as signUpRoute } from '../../../contracts/accounts.ts';
import { useChange } from '../../api/change.ts';
import { call } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { TextField } from '../../components/Field.tsx';
import { Page } from '../../components/Page.tsx';
import { SendForm } from '../../components/SendForm.tsx';
import { showLanguage, useLanguage } from '../../i18n.ts';
import { LanguageField } from '../account/LanguageSetting.tsx';
import { EmailField, MIN_PASSWORD, PasswordField } from './fields.tsx';

export function SignUpPage() {
  const { t } = useTranslation('auth');
  const language = useLanguage();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const signUp = useChange(() =>
    call(signUpRoute, { body: { name: name.trim(), email: email.trim(), password, language } }),
  );

  if (signUp.result) {
    return (
      <Page title={t('signUp.checkTitle')}>
        <Alert tone="success">{signUp.result.message}</Alert>
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

  const submit = () => {
    const short = password.length < MIN_PASSWORD;
    setTooShort(short);
    if (!short) signUp.run();
  };

  return (
    <Page title={t('signUp.title')} lead={t('signUp.lead')}>
      <ChangeStatus of={signUp} />
      <SendForm onSend={submit} busy={signUp.busy} busyLabel={t('signUp.busy')} submit={t('signUp.submit')}>
        <TextField
          label={t('signUp.name')}
          name="name"
          autoComplete="name"
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={signUp.field('name')}
        />
        <EmailField
          value={email}
          onChange={setEmail}
          error={signUp.field('email')}
          hint={t('signUp.emailHint')}
        />
        <PasswordField
          label={t('signUp.password')}
          name="password"
          kind="new"
          value={password}
          onChange={setPassword}
          error={tooShort ? t('signUp.tooShort', { min: MIN_PASSWORD }) : signUp.field('password')}
        />
        {/* The page's language to begin with; choosing another shows the page in it at once. */}
        <LanguageField value={language} onChange={showLanguage} error={signUp.field('language')} />
      </SendForm>
      <p>
        <Trans t={t} i18nKey="signUp.haveAccount" components={{ go: <Link to="/sign-in" /> }} />
      </p>
    </Page>
  );
}
