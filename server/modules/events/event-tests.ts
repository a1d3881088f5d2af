/** What the events tests share: an app with a staff member signed in, and registering through the API. */
import { json, type TestClient } from '../../../test/client.ts';

export { appWithStaff } from '../../../test/app.ts';

export type Reg = { id: string; status: string; waitlistPosition: number | null; priceCents: number };
export const register = async (client: TestClient, eventId: string) =>
  json<Reg>(await client.post(`/api/v1/association/events/${eventId}/registrations`));
