import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  type Accepted,
  type SignInBody,
  signIn as signInRoute,
  signUp as signUpRoute,
} from '../../../contracts/accounts.ts';
import { useChange } from '../../api/change.ts';
import { call } from '../../api/client.ts';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { TextField } from '../../components/Field.tsx';
import { SendForm } from '../../components/SendForm.tsx';
import { showLanguage, useLanguage } from '../../i18n.ts';
import { LanguageField } from '../account/LanguageSetting.tsx';
import { EmailField, MIN_PASSWORD, PasswordField } from './fields.tsx';

/**
 * Signing in and creating an account, as the sign-in and sign-up pages ask and as the request
 * form asks without leaving it: the same fields, the same checks, the same answers.
 */

/**
 * Signing in with an e-mail and password. A person with a two-step sign-in is asked for a code
 * next (`needsCode`); a 403 naming the e-mail means the address is not confirmed yet.
 */
export function useSignIn(onSignedIn: () => Promise<void>) {
  const [password, setPassword] = useState('');
  const [needsCode, setNeedsCode] = useState(false);
  const signIn = useChange((body: SignInBody) => call(signInRoute, { body }), {
    onSuccess: async (result) => {
      if (result.mfaRequired) setNeedsCode(true);
      else await onSignedIn();
    },
  });
  const notConfirmed = signIn.error?.status === 403 && Boolean(signIn.field('email'));
  return { signIn, password, setPassword, needsCode, setNeedsCode, notConfirmed };
}

type EmailState = { email: string; setEmail: (email: string) => void };

/** The e-mail and password, with "I forgot my password" beside the button. */
export function SignInForm({ of, email, setEmail }: EmailState & { of: ReturnType<typeof useSignIn> }) {
  const { t } = useTranslation('auth');
  const { signIn, password } = of;
  return (
    <SendForm
      onSend={() => signIn.run({ email, password })}
      busy={signIn.busy}
      busyLabel={t('signIn.busy')}
      submit={t('signIn.submit')}
      after={<Link to="/forgot-password">{t('signIn.forgot')}</Link>}
    >
      <EmailField value={email} onChange={setEmail} error={signIn.field('email')} />
      <PasswordField
        kind="current"
        label={t('signIn.password')}
        value={password}
        onChange={of.setPassword}
        error={signIn.field('password')}
      />
    </SendForm>
  );
}

/** Words of the new-account form other than the sign-up page's (the request form's). */
export type NewAccountWords = Record<
  'busy' | 'submit' | 'name' | 'emailHint' | 'password' | 'tooShort',
  string
>;

/**
 * A new account: name, e-mail and a new password, in the page's language (`chooseLanguage` offers
 * another). A password shorter than the rule is caught here before anything is sent.
 */
export function NewAccountForm({
  email,
  setEmail,
  onSent,
  words,
  chooseLanguage = false,
}: EmailState & { onSent: (answer: Accepted) => void; words?: NewAccountWords; chooseLanguage?: boolean }) {
  const { t } = useTranslation('auth');
  const language = useLanguage();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const signUp = useChange(
    () => call(signUpRoute, { body: { name: name.trim(), email: email.trim(), password, language } }),
    { onSuccess: onSent },
  );
  const send = () => {
    const short = password.length < MIN_PASSWORD;
    setTooShort(short);
    if (!short) signUp.run();
  };
  return (
    <>
      <ChangeStatus of={signUp} />
      <SendForm
        onSend={send}
        busy={signUp.busy}
        busyLabel={words?.busy ?? t('signUp.busy')}
        submit={words?.submit ?? t('signUp.submit')}
      >
        <TextField
          label={words?.name ?? t('signUp.name')}
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
          hint={words?.emailHint ?? t('signUp.emailHint')}
        />
        <PasswordField
          kind="new"
          label={words?.password ?? t('signUp.password')}
          value={password}
          onChange={setPassword}
          error={
            tooShort
              ? (words?.tooShort ?? t('signUp.tooShort', { min: MIN_PASSWORD }))
              : signUp.field('password')
          }
        />
        {/* The page's language to begin with; choosing another shows the page in it at once. */}
        {chooseLanguage ? (
          <LanguageField value={language} onChange={showLanguage} error={signUp.field('language')} />
        ) : null}
      </SendForm>
    </>
  );
}
