import type { Generated } from 'kysely';
import type { NotificationChannel, NotificationKind } from '../../../domain/notifications.ts';

/** One thing Parley told a person, with its link; never confidential words. */
export interface NotificationsTable {
  id: string;
  user_id: string;
  kind: NotificationKind;
  case_id: string | null;
  title: string;
  link: string;
  created_at: string;
  read_at: string | null;
  digest_pending: Generated<0 | 1>;
}

/** A person's choice for one kind; no row means DEFAULT_CHANNEL. */
export interface NotificationPreferencesTable {
  user_id: string;
  kind: NotificationKind;
  channel: NotificationChannel;
  updated_at: string;
}

export interface NotificationsTables {
  notifications: NotificationsTable;
  notification_preferences: NotificationPreferencesTable;
}
