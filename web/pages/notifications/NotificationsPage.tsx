import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import * as contract from '../../../contracts/notifications.ts';
import { formatMissouriStamp } from '../../../domain/missouri-time.ts';
import { useChange } from '../../api/change.ts';
import { ApiError, call, errorMessage } from '../../api/client.ts';
import { notificationKeys, useNotifications } from '../../api/notifications.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';

/** /notifications: what Parley told the signed-in person, newest first, each linking to the thing. */
export function NotificationsPage() {
  const location = useLocation();
  const navigate = useNavigate();
  const list = useNotifications();
  const open = useChange(
    (n: contract.Notification) => call(contract.markNotificationRead, { params: { notificationId: n.id } }),
    { invalidates: [notificationKeys.all], onSuccess: (_r, n) => navigate(n.link) },
  );
  const allRead = useChange(() => call(contract.markAllNotificationsRead), {
    invalidates: [notificationKeys.all],
    success: 'All your notifications are marked read.',
  });

  if (list.error instanceof ApiError && list.error.status === 401)
    return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  return (
    <Page
      title="Notifications"
      lead="What happened on your cases. Each one links to the page where it is. E-mails and texts from Parley say only what happened, never what was written."
    >
      <p>
        <Link to="/notifications/settings">Choose how you hear of each kind</Link>
      </p>
      <ChangeStatus of={[open, allRead]} />
      {list.isPending ? <Loading what="Loading your notifications" /> : null}
      {list.isError ? <Alert tone="error">{errorMessage(list.error)}</Alert> : null}
      {list.data && list.data.items.length === 0 ? <p>You have no notifications yet.</p> : null}
      {list.data && list.data.items.length > 0 ? (
        <>
          {list.data.unread > 0 ? (
            <Button variant="secondary" busy={allRead.busy} onClick={() => allRead.run()}>
              Mark all read
            </Button>
          ) : null}
          <ul className="notification-list" aria-label="Notifications, newest first">
            {list.data.items.map((n) => (
              <li key={n.id} className={n.read ? 'notification' : 'notification notification-unread'}>
                <span className="tag">{n.kindLabel}</span>
                {n.read ? null : <span className="tag tag-new">new</span>}
                <p className="notification-title">
                  <a
                    href={n.link}
                    onClick={(event) => {
                      event.preventDefault();
                      open.run(n);
                    }}
                  >
                    {n.title}
                  </a>
                </p>
                <p className="muted">
                  {n.caseReference ? `Case ${n.caseReference} · ` : ''}
                  {formatMissouriStamp(n.createdAt)}
                </p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Page>
  );
}
