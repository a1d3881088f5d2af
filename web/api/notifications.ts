import * as notifications from '../../contracts/notifications.ts';
import { useRead } from './query.ts';

/** Query keys of the signed-in person's notifications. */
export const notificationKeys = {
  all: ['notifications'] as const,
  list: () => [...notificationKeys.all, 'list'] as const,
  unread: () => [...notificationKeys.all, 'unread'] as const,
  preferences: () => [...notificationKeys.all, 'preferences'] as const,
};

/** The bell's count: asked again every half minute and when the window regains focus. */
export function useUnreadCount(enabled: boolean) {
  return useRead(
    notificationKeys.unread(),
    notifications.getUnreadCount,
    {},
    {
      enabled,
      refetchInterval: 30_000,
    },
  );
}

export function useNotifications() {
  return useRead(notificationKeys.list(), notifications.listNotifications, { query: { limit: 100 } });
}

export function useNotificationPreferences() {
  return useRead(notificationKeys.preferences(), notifications.getNotificationPreferences);
}
