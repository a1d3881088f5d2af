import { inTransaction } from '../../server/db/database.ts';
import { notify } from '../../server/modules/notifications/notifications.service.ts';
import type { TestApp } from '../app.ts';
import { type AccessEntry, type AccessWorld, SIGNED_IN } from './matrix.ts';

/** Each signed-in caller has one notification of their own to mark read. */
export async function setup(t: TestApp, world: AccessWorld) {
  for (const caller of SIGNED_IN) {
    const { id } = await inTransaction(t.db, (tx) =>
      notify(tx, t.deps, { userId: world.people[caller].id, kind: 'session', link: '/cases' }),
    );
    world.extra[`notification:${caller}`] = id;
  }
}

export const entries: AccessEntry[] = [
  { method: 'GET', route: '/api/v1/notifications', allowed: SIGNED_IN },
  { method: 'GET', route: '/api/v1/notifications/unread', allowed: SIGNED_IN },
  {
    method: 'POST',
    route: '/api/v1/notifications/:notificationId/read',
    allowed: SIGNED_IN,
    request: (w, { caller }) => ({
      url: `/api/v1/notifications/${w.extra[`notification:${caller}`] ?? w.extra['notification:party']}/read`,
    }),
    note: 'each caller marks their own; another person’s is not found',
  },
  { method: 'POST', route: '/api/v1/notifications/read-all', allowed: SIGNED_IN },
  { method: 'GET', route: '/api/v1/notifications/preferences', allowed: SIGNED_IN },
  {
    method: 'PUT',
    route: '/api/v1/notifications/preferences/:kind',
    allowed: SIGNED_IN,
    request: () => ({ url: '/api/v1/notifications/preferences/promise', body: { channel: 'digest' } }),
  },
];
