import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { requestPasswordReset } from '../../../contracts/accounts.ts';
import { useChange } from '../../api/change.ts';
import { call } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Page } from '../../components/Page.tsx';
import { ChangeForm } from '../../components/SendForm.tsx';
import { EmailField } from './fields.tsx';

export function ForgotPasswordPage() {
  const { t } = useTranslation('auth');
  const [email, setEmail] = useState('');
  const request = useChange(() => call(requestPasswordReset, { body: { email: email.trim() } }));
  if (request.result) {
    return (
      <Page title={t('forgot.checkTitle')}>
        <Alert tone="success">{request.result.message}</Alert>
        <p>{t('forgot.once')}</p>
        <p>
          <Link to="/sign-in">{t('forgot.back')}</Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title={t('forgot.title')} lead={t('forgot.lead')}>
      <ChangeStatus of={request} />
      <ChangeForm
        change={request}
        busyLabel={t('forgot.busy')}
        submit={t('forgot.submit')}
        after={<Link to="/sign-in">{t('forgot.back')}</Link>}
      >
        <EmailField value={email} onChange={setEmail} error={request.field('email')} />
      </ChangeForm>
    </Page>
  );
}
