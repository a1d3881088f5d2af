import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import * as contract from '../../../contracts/notifications.ts';
import { useChange } from '../../api/change.ts';
import { ApiError, call, errorMessage } from '../../api/client.ts';
import { notificationKeys, useNotifications } from '../../api/notifications.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { useFormats } from '../../i18n.ts';

/** /notifications: what Parley told the signed-in person, newest first, each linking to the thing. */
export function NotificationsPage() {
  const { t } = useTranslation('account');
  const formats = useFormats();
  const location = useLocation();
  const navigate = useNavigate();
  const list = useNotifications();
  const open = useChange(
    (n: contract.Notification) => call(contract.markNotificationRead, { params: { notificationId: n.id } }),
    { invalidates: [notificationKeys.all], onSuccess: (_r, n) => navigate(n.link) },
  );
  const allRead = useChange(() => call(contract.markAllNotificationsRead), {
    invalidates: [notificationKeys.all],
    success: t('notifications.allReadDone'),
  });

  if (list.error instanceof ApiError && list.error.status === 401)
    return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  return (
    <Page title={t('notifications.title')} lead={t('notifications.lead')}>
      <p>
        <Link to="/notifications/settings">{t('notifications.choose')}</Link>
      </p>
      <ChangeStatus of={[open, allRead]} />
      {list.isPending ? <Loading what={t('notifications.loading')} /> : null}
      {list.isError ? <Alert tone="error">{errorMessage(list.error)}</Alert> : null}
      {list.data && list.data.items.length === 0 ? <p>{t('notifications.none')}</p> : null}
      {list.data && list.data.items.length > 0 ? (
        <>
          {list.data.unread > 0 ? (
            <Button variant="secondary" busy={allRead.busy} onClick={() => allRead.run()}>
              {t('notifications.allRead')}
            </Button>
          ) : null}
          <ul className="notification-list" aria-label={t('notifications.list')}>
            {list.data.items.map((n) => (
              <li key={n.id} className={n.read ? 'notification' : 'notification notification-unread'}>
                <span className="tag">{n.kindLabel}</span>
                {n.read ? null : <span className="tag tag-new">{t('notifications.new')}</span>}
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
                  {n.caseReference
                    ? t('notifications.caseAt', {
                        reference: n.caseReference,
                        at: formats.stamp(n.createdAt),
                      })
                    : formats.stamp(n.createdAt)}
                </p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Page>
  );
}
