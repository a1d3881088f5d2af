import * as contract from '../../../contracts/notifications.ts';
import { requestLanguage } from '../../http/language.ts';
import { route } from '../../http/route.ts';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import * as notifications from './notifications.service.ts';

export function notificationsRoutes(app: App, deps: Deps) {
  // Each kind is named in the page's language.
  route(app, contract.listNotifications, async (request) =>
    notifications.listNotifications(deps, request.actor, request.query, requestLanguage(request)),
  );
  route(app, contract.getUnreadCount, async ({ actor }) => notifications.unreadCount(deps, actor));
  route(app, contract.markAllNotificationsRead, async ({ actor }) => notifications.markAllRead(deps, actor));
  route(app, contract.markNotificationRead, async (request) =>
    notifications.markRead(deps, request.actor, request.params.notificationId, requestLanguage(request)),
  );
  route(app, contract.getNotificationPreferences, async (request) =>
    notifications.getPreferences(deps, request.actor, requestLanguage(request)),
  );
  route(app, contract.setNotificationPreference, async (request) =>
    notifications.setPreference(
      deps,
      request.actor,
      request.params.kind,
      request.body.channel,
      requestLanguage(request),
    ),
  );
}
