import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import * as contract from '../../../contracts/notifications.ts';
import { NOTIFICATION_CHANNELS } from '../../../domain/notifications.ts';
import { useChange } from '../../api/change.ts';
import { ApiError, call, errorMessage } from '../../api/client.ts';
import { notificationKeys, useNotificationPreferences } from '../../api/notifications.ts';
import { Alert } from '../../components/Alert.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Options, Select } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { ChangeForm } from '../../components/SendForm.tsx';

type Choice = Record<contract.NotificationKind, contract.NotificationChannel>;

/** /notifications/settings: for each kind, e-mail now, a daily digest, or none. */
export function NotificationSettingsPage() {
  const { t } = useTranslation('account');
  const location = useLocation();
  const prefs = useNotificationPreferences();
  if (prefs.error instanceof ApiError && prefs.error.status === 401)
    return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  return (
    <Page title={t('notificationSettings.title')} lead={t('notificationSettings.lead')}>
      {prefs.isPending ? <Loading what={t('notificationSettings.loading')} /> : null}
      {prefs.isError ? <Alert tone="error">{errorMessage(prefs.error)}</Alert> : null}
      {prefs.data ? <Form preferences={prefs.data.preferences} /> : null}
      <p>
        <Link to="/notifications">{t('notificationSettings.back')}</Link> ·{' '}
        <Link to="/account#mobile-title">{t('notificationSettings.texts')}</Link>
      </p>
    </Page>
  );
}

function Form({ preferences }: { preferences: contract.NotificationPreference[] }) {
  const { t } = useTranslation('account');
  const [choice, setChoice] = useState<Choice>(
    () => Object.fromEntries(preferences.map((p) => [p.kind, p.channel])) as Choice,
  );
  const save = useChange(
    async () => {
      for (const p of preferences)
        if (choice[p.kind] !== p.channel)
          await call(contract.setNotificationPreference, {
            params: { kind: p.kind },
            body: { channel: choice[p.kind] },
          });
    },
    { invalidates: [notificationKeys.preferences()], success: t('notificationSettings.saved') },
  );
  return (
    <section className="panel" aria-labelledby="kinds-title">
      <h2 id="kinds-title">{t('notificationSettings.kinds')}</h2>
      <ChangeStatus of={save} />
      <ChangeForm
        change={save}
        busyLabel={t('notificationSettings.saving')}
        submit={t('notificationSettings.save')}
      >
        {preferences.map((p) => (
          <Select
            key={p.kind}
            label={p.kindLabel}
            name={p.kind}
            hint={p.textedWhenOptedIn ? t('notificationSettings.texted') : undefined}
            value={choice[p.kind]}
            error={save.field('channel')}
            onChange={(e) =>
              setChoice({ ...choice, [p.kind]: e.target.value as contract.NotificationChannel })
            }
          >
            <Options values={NOTIFICATION_CHANNELS} words={(c) => t(`notificationSettings.channel.${c}`)} />
          </Select>
        ))}
      </ChangeForm>
    </section>
  );
}
