import * as contract from '../../../contracts/events.ts';
import { route } from '../../http/route.ts';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import * as attendance from './attendance.service.ts';
import * as eventList from './event-list.service.ts';
import * as events from './events.service.ts';
import * as registration from './registration.service.ts';

export function eventsRoutes(app: App, deps: Deps) {
  route(app, contract.listEvents, async ({ actor, query }) =>
    events.listEvents(deps, actor, { kind: query.kind, past: query.past === 'true' }),
  );
  route(app, contract.listEventsForStaff, async ({ actor, query }) =>
    eventList.listEventsForStaff(deps, actor, query),
  );
  route(app, contract.downloadEventList, async ({ actor, query }) =>
    eventList.eventListCsv(deps, actor, query),
  );
  route(app, contract.createEvent, async ({ actor, body }) => events.createEvent(deps, actor, body));
  route(app, contract.getEvent, async ({ actor, params }) => events.getEvent(deps, actor, params.eventId));
  route(app, contract.updateEvent, async ({ actor, params, body }) =>
    events.updateEvent(deps, actor, params.eventId, body),
  );
  route(app, contract.getEventCalendar, async ({ actor, params }) => ({
    data: await events.eventCalendar(deps, actor, params.eventId),
    filename: 'training',
  }));
  route(app, contract.register, async ({ actor, params }) =>
    registration.register(deps, actor, params.eventId),
  );
  route(app, contract.getRoster, async ({ actor, params }) =>
    registration.roster(deps, actor, params.eventId),
  );
  route(app, contract.downloadRoster, async ({ actor, params }) =>
    registration.rosterCsv(deps, actor, params.eventId),
  );
  route(app, contract.markAttended, async ({ actor, params, body }) =>
    attendance.markAttended(deps, actor, params.eventId, body.registrationId, body.sessionId),
  );
  route(app, contract.listMyRegistrations, async ({ actor }) => registration.myRegistrations(deps, actor));
  route(app, contract.cancelRegistration, async ({ actor, params }) =>
    registration.cancel(deps, actor, params.registrationId),
  );
  route(app, contract.verifyCertificate, async ({ params }) =>
    attendance.verifyCertificate(deps, params.code),
  );
  route(app, contract.getCertificate, async ({ actor, params }) =>
    attendance.certificate(deps, actor, params.registrationId),
  );
}
