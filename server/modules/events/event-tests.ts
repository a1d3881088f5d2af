/** What the events tests share: an app with a staff member signed in, and registering through the API. */
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { json, signedInAs, type TestClient } from '../../../test/client.ts';

/** A test app and a client signed in as association staff. */
export async function appWithStaff(): Promise<{ t: TestApp; staff: TestClient }> {
  const t = await createTestApp();
  return { t, staff: await signedInAs(t, { grants: [{ role: 'staff' }] }) };
}

export type Reg = { id: string; status: string; waitlistPosition: number | null; priceCents: number };
export const register = async (client: TestClient, eventId: string) =>
  json<Reg>(await client.post(`/api/v1/association/events/${eventId}/registrations`));
