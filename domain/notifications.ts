/**
 * Notifications: the kinds of thing Parley tells a signed-in person about, and how each person
 * chooses to hear of each kind. Every notification is shown under the bell; the channel says what
 * else happens: an e-mail now, a line in the daily digest, or nothing more.
 */
export const NOTIFICATION_KINDS = ['message', 'document', 'session', 'signature', 'promise'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_CHANNELS = ['email', 'digest', 'none'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** What a person who has not chosen gets: every kind by e-mail now. */
export const DEFAULT_CHANNEL: NotificationChannel = 'email';

/** The kinds that also go by text message to a person who confirmed a mobile number and opted in. */
export const TEXTED_KINDS: readonly NotificationKind[] = ['signature'];
