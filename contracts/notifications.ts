import { z } from 'zod';
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  type NotificationChannel,
  type NotificationKind,
} from '../domain/notifications.ts';
import { Id } from './id.ts';
import { defineRoute } from './route.ts';

/**
 * Notifications: the bell's list for the signed-in person (each linking to the thing it is about),
 * marking them read, and the person's choice per kind: e-mail now, a daily digest, or none.
 */

const tags = ['notifications'];

export const NotificationKindSchema = z.enum(NOTIFICATION_KINDS, 'Choose a kind of notification');
export const NotificationChannelSchema = z.enum(
  NOTIFICATION_CHANNELS,
  'Choose e-mail now, a daily digest, or none',
);

export const Notification = z.object({
  id: z.string(),
  kind: NotificationKindSchema,
  /** The kind in words ("Session booked or moved"). */
  kindLabel: z.string(),
  /** What happened, in words that carry nothing confidential ("Session moved"). */
  title: z.string(),
  /** Where it is, inside Parley ("/cases/…/sessions"). */
  link: z.string(),
  caseReference: z.string().nullable(),
  createdAt: z.string(),
  read: z.boolean(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationList = z.object({
  items: z.array(Notification),
  unread: z.number().int(),
});
export type NotificationList = z.infer<typeof NotificationList>;

export const NotificationListQuery = z.object({
  limit: z.coerce.number('Give the number of notifications as a number').int().min(1).max(200).default(50),
});
export type NotificationListQuery = z.infer<typeof NotificationListQuery>;

export const listNotifications = defineRoute({
  method: 'GET',
  path: '/api/v1/notifications',
  summary: 'Your notifications, newest first, with how many are unread',
  tags,
  query: NotificationListQuery,
  response: { 200: NotificationList },
});

export const UnreadCount = z.object({ unread: z.number().int() });
export type UnreadCount = z.infer<typeof UnreadCount>;

export const getUnreadCount = defineRoute({
  method: 'GET',
  path: '/api/v1/notifications/unread',
  summary: 'How many of your notifications are unread (the bell)',
  tags,
  response: { 200: UnreadCount },
});

export const NotificationParams = z.object({ notificationId: Id });
export type NotificationParams = z.infer<typeof NotificationParams>;

export const markNotificationRead = defineRoute({
  method: 'POST',
  path: '/api/v1/notifications/:notificationId/read',
  summary: 'Mark one of your notifications read',
  tags,
  params: NotificationParams,
  response: { 200: Notification },
});

export const markAllNotificationsRead = defineRoute({
  method: 'POST',
  path: '/api/v1/notifications/read-all',
  summary: 'Mark all your notifications read',
  tags,
  response: { 200: UnreadCount },
});

export const NotificationPreference = z.object({
  kind: NotificationKindSchema,
  kindLabel: z.string(),
  channel: NotificationChannelSchema,
  /** This kind also goes by text message when you have confirmed a mobile number and opted in. */
  textedWhenOptedIn: z.boolean(),
});
export type NotificationPreference = z.infer<typeof NotificationPreference>;

export const NotificationPreferences = z.object({ preferences: z.array(NotificationPreference) });
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;

export const getNotificationPreferences = defineRoute({
  method: 'GET',
  path: '/api/v1/notifications/preferences',
  summary: 'How you hear of each kind of notification',
  tags,
  response: { 200: NotificationPreferences },
});

export const PreferenceParams = z.object({ kind: NotificationKindSchema });
export type PreferenceParams = z.infer<typeof PreferenceParams>;
export const SetPreferenceBody = z.object({ channel: NotificationChannelSchema });
export type SetPreferenceBody = z.infer<typeof SetPreferenceBody>;

export const setNotificationPreference = defineRoute({
  method: 'PUT',
  path: '/api/v1/notifications/preferences/:kind',
  summary: 'Choose how you hear of one kind of notification: e-mail now, a daily digest, or none',
  tags,
  params: PreferenceParams,
  body: SetPreferenceBody,
  response: { 200: NotificationPreferences },
});

export type { NotificationChannel, NotificationKind };
