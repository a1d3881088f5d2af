import { useQuery } from '@tanstack/react-query';
import { listSessions, signOutOtherSessions, signOutSession } from '../../../contracts/accounts.ts';
import { formatMissouriDateTime } from '../../../domain/missouri-time.ts';
import { accountKeys } from '../../api/accounts.ts';
import { useChange } from '../../api/change.ts';
import { call, errorMessage } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Loading } from '../../components/Loading.tsx';

/** The devices signed in to the account, each can be signed out, or every other one at once. */
export function SignedInDevices() {
  const devices = useQuery({ queryKey: accountKeys.sessions(), queryFn: () => call(listSessions) });
  const refresh = { invalidates: [accountKeys.sessions()] };
  const others = useChange(() => call(signOutOtherSessions), refresh);
  const one = useChange((sessionId: string) => call(signOutSession, { params: { sessionId } }), {
    ...refresh,
    success: 'That device is signed out.',
  });

  return (
    <section aria-labelledby="devices-title" className="panel">
      <h2 id="devices-title">Where you are signed in</h2>
      <p>If you see a device you do not know, sign it out and change your password.</p>
      <ChangeStatus of={[others, one]} />
      {devices.isPending ? <Loading what="Loading your devices" /> : null}
      {devices.isError ? <Alert tone="error">{errorMessage(devices.error)}</Alert> : null}
      {devices.data ? (
        <ul className="device-list">
          {devices.data.sessions.map((device) => (
            <li key={device.id} className="device">
              <strong>{device.browser}</strong>
              {device.current ? <span className="tag tag-ok">this device</span> : null}
              <br />
              <span className="muted">
                Signed in {formatMissouriDateTime(device.signedInAt)}, last active{' '}
                {formatMissouriDateTime(device.lastSeenAt)}
                {device.ip ? `, from ${device.ip}` : ''}
              </span>
              {device.current ? null : (
                <div>
                  <Button
                    variant="secondary"
                    busy={one.busy}
                    busyLabel="Signing out…"
                    onClick={() => one.run(device.id)}
                  >
                    Sign out this device
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {devices.data && devices.data.sessions.length > 1 ? (
        <Button variant="danger" busy={others.busy} busyLabel="Signing out…" onClick={() => others.run()}>
          Sign out everywhere else
        </Button>
      ) : null}
    </section>
  );
}
