import { z } from 'zod';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import { sendDownload } from '../files/files.service.ts';
import * as attendance from './attendance.service.ts';
import {
  AttendanceBody,
  Event,
  EventBody,
  EventParams,
  EventPatch,
  EventsQuery,
  MyRegistration,
  Registration,
  RegistrationParams,
  RosterEntry,
} from './events.schemas.ts';
import * as events from './events.service.ts';
import * as registration from './registration.service.ts';

const tags = ['association: trainings and events'];

export function eventsRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/association/events',
    {
      schema: {
        tags,
        summary: 'The public calendar of trainings and events',
        querystring: EventsQuery,
        response: { 200: z.array(Event) },
      },
    },
    async (request) =>
      events.listEvents(deps, request.actor, {
        kind: request.query.kind,
        past: request.query.past === 'true',
      }),
  );
  app.post(
    '/api/v1/association/events',
    {
      schema: { tags, summary: 'Add a training or event (staff)', body: EventBody, response: { 201: Event } },
    },
    async (request, reply) =>
      reply.status(201).send(await events.createEvent(deps, request.actor, request.body)),
  );
  app.get(
    '/api/v1/association/events/:eventId',
    { schema: { tags, summary: 'One training or event', params: EventParams, response: { 200: Event } } },
    async (request) => events.getEvent(deps, request.actor, request.params.eventId),
  );
  app.patch(
    '/api/v1/association/events/:eventId',
    {
      schema: {
        tags,
        summary: 'Change a training or event (staff)',
        params: EventParams,
        body: EventPatch,
        response: { 200: Event },
      },
    },
    async (request) => events.updateEvent(deps, request.actor, request.params.eventId, request.body),
  );
  app.get(
    '/api/v1/association/events/:eventId/calendar.ics',
    { schema: { tags, summary: 'The event as a calendar file', params: EventParams } },
    async (request, reply) =>
      sendDownload(reply, {
        data: await events.eventCalendar(deps, request.actor, request.params.eventId),
        filename: 'training',
        contentType: 'text/calendar',
      }),
  );
  app.post(
    '/api/v1/association/events/:eventId/registrations',
    {
      schema: {
        tags,
        summary: 'Register (or join the waitlist when full)',
        params: EventParams,
        response: { 201: Registration },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await registration.register(deps, request.actor, request.params.eventId)),
  );
  app.get(
    '/api/v1/association/events/:eventId/registrations',
    {
      schema: {
        tags,
        summary: 'Who is registered and waiting (staff)',
        params: EventParams,
        response: { 200: z.array(RosterEntry) },
      },
    },
    async (request) => registration.roster(deps, request.actor, request.params.eventId),
  );
  app.post(
    '/api/v1/association/events/:eventId/attendance',
    {
      schema: {
        tags,
        summary:
          'Mark a registrant as attended: hours go to the training record and a certificate is issued (staff)',
        params: EventParams,
        body: AttendanceBody,
        response: {
          200: z.object({ registrationId: z.string(), status: z.string(), certificateIssued: z.boolean() }),
        },
      },
    },
    async (request) =>
      attendance.markAttended(deps, request.actor, request.params.eventId, request.body.registrationId),
  );
  app.get(
    '/api/v1/association/registrations',
    { schema: { tags, summary: 'My registrations', response: { 200: z.array(MyRegistration) } } },
    async (request) => registration.myRegistrations(deps, request.actor),
  );
  app.post(
    '/api/v1/association/registrations/:registrationId/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a registration; the next person waiting gets the seat',
        params: RegistrationParams,
        response: { 200: Registration.extend({ promotedNext: z.boolean() }) },
      },
    },
    async (request) => registration.cancel(deps, request.actor, request.params.registrationId),
  );
  app.get(
    '/api/v1/association/registrations/:registrationId/certificate',
    { schema: { tags, summary: 'Certificate of attendance as PDF', params: RegistrationParams } },
    async (request, reply) =>
      sendDownload(reply, await attendance.certificate(deps, request.actor, request.params.registrationId)),
  );
}
