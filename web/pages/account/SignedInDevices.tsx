import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { listSessions, signOutOtherSessions, signOutSession } from '../../../contracts/accounts.ts';
import { accountKeys } from '../../api/accounts.ts';
import { useChange } from '../../api/change.ts';
import { call, errorMessage } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useFormats } from '../../i18n.ts';

/** The devices signed in to the account, each can be signed out, or every other one at once. */
export function SignedInDevices() {
  const { t } = useTranslation('account');
  const formats = useFormats();
  const devices = useQuery({ queryKey: accountKeys.sessions(), queryFn: () => call(listSessions) });
  const refresh = { invalidates: [accountKeys.sessions()] };
  const others = useChange(() => call(signOutOtherSessions), refresh);
  const one = useChange((sessionId: string) => call(signOutSession, { params: { sessionId } }), {
    ...refresh,
    success: t('devices.signedOut'),
  });

  return (
    <section aria-labelledby="devices-title" className="panel">
      <h2 id="devices-title">{t('devices.title')}</h2>
      <p>{t('devices.intro')}</p>
      <ChangeStatus of={[others, one]} />
      {devices.isPending ? <Loading what={t('devices.loading')} /> : null}
      {devices.isError ? <Alert tone="error">{errorMessage(devices.error)}</Alert> : null}
      {devices.data ? (
        <ul className="device-list">
          {devices.data.sessions.map((device) => (
            <li key={device.id} className="device">
              <strong>{device.browser}</strong>
              {device.current ? <span className="tag tag-ok">{t('devices.this')}</span> : null}
              <br />
              <span className="muted">
                {t(device.ip ? 'devices.whenFrom' : 'devices.when', {
                  signedIn: formats.dateTime(device.signedInAt),
                  lastSeen: formats.dateTime(device.lastSeenAt),
                  ip: device.ip,
                })}
              </span>
              {device.current ? null : (
                <div>
                  <Button
                    variant="secondary"
                    busy={one.busy}
                    busyLabel={t('devices.signingOut')}
                    onClick={() => one.run(device.id)}
                  >
                    {t('devices.signOutThis')}
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {devices.data && devices.data.sessions.length > 1 ? (
        <Button
          variant="danger"
          busy={others.busy}
          busyLabel={t('devices.signingOut')}
          onClick={() => others.run()}
        >
          {t('devices.signOutOthers')}
        </Button>
      ) : null}
    </section>
  );
}
