import { useState } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import * as contract from '../../../contracts/notifications.ts';
import { NOTIFICATION_CHANNEL_LABELS, NOTIFICATION_CHANNELS } from '../../../domain/notifications.ts';
import { useChange } from '../../api/change.ts';
import { ApiError, call, errorMessage } from '../../api/client.ts';
import { notificationKeys, useNotificationPreferences } from '../../api/notifications.ts';
import { Alert } from '../../components/Alert.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Select } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { SendForm } from '../../components/SendForm.tsx';

type Choice = Record<contract.NotificationKind, contract.NotificationChannel>;

/** /notifications/settings: for each kind, e-mail now, a daily digest, or none. */
export function NotificationSettingsPage() {
  const location = useLocation();
  const prefs = useNotificationPreferences();
  if (prefs.error instanceof ApiError && prefs.error.status === 401)
    return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  return (
    <Page
      title="How you hear of notifications"
      lead="Every notification shows under the bell at the top of the page. For each kind, choose whether Parley also e-mails you at once, puts it in one e-mail a day, or does neither."
    >
      {prefs.isPending ? <Loading what="Loading your choices" /> : null}
      {prefs.isError ? <Alert tone="error">{errorMessage(prefs.error)}</Alert> : null}
      {prefs.data ? <Form preferences={prefs.data.preferences} /> : null}
      <p>
        <Link to="/notifications">Back to your notifications</Link> ·{' '}
        <Link to="/account#mobile-title">Text messages: your mobile number</Link>
      </p>
    </Page>
  );
}

function Form({ preferences }: { preferences: contract.NotificationPreference[] }) {
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
    { invalidates: [notificationKeys.preferences()], success: 'Your choices are saved.' },
  );
  return (
    <section className="panel" aria-labelledby="kinds-title">
      <h2 id="kinds-title">Each kind of notification</h2>
      <ChangeStatus of={save} />
      <SendForm onSend={() => save.run()} busy={save.busy} busyLabel="Saving…" submit="Save my choices">
        {preferences.map((p) => (
          <Select
            key={p.kind}
            label={p.kindLabel}
            name={p.kind}
            hint={p.textedWhenOptedIn ? 'Also sent by text message if you opted in to texts.' : undefined}
            value={choice[p.kind]}
            error={save.field('channel')}
            onChange={(e) =>
              setChoice({ ...choice, [p.kind]: e.target.value as contract.NotificationChannel })
            }
          >
            {NOTIFICATION_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {NOTIFICATION_CHANNEL_LABELS[c]}
              </option>
            ))}
          </Select>
        ))}
      </SendForm>
    </section>
  );
}
