import * as contract from '../../../contracts/notifications.ts';
import { route } from '../../http/route.ts';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import * as notifications from './notifications.service.ts';

export function notificationsRoutes(app: App, deps: Deps) {
  route(app, contract.listNotifications, async ({ actor, query }) =>
    notifications.listNotifications(deps, actor, query),
  );
  route(app, contract.getUnreadCount, async ({ actor }) => notifications.unreadCount(deps, actor));
  route(app, contract.markAllNotificationsRead, async ({ actor }) => notifications.markAllRead(deps, actor));
  route(app, contract.markNotificationRead, async ({ actor, params }) =>
    notifications.markRead(deps, actor, params.notificationId),
  );
  route(app, contract.getNotificationPreferences, async ({ actor }) =>
    notifications.getPreferences(deps, actor),
  );
  route(app, contract.setNotificationPreference, async ({ actor, params, body }) =>
    notifications.setPreference(deps, actor, params.kind, body.channel),
  );
}
