import { z } from 'zod';
import { canonicalJson } from '../../../domain/audit-chain.ts';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import { uploadBodyLimit } from '../files/files.service.ts';
import { contactMediator } from './contact.service.ts';
import {
  AdmissionBody,
  ContactBody,
  CountyView,
  CourseBody,
  CourseParams,
  FederalBody,
  FileParams,
  OwnProfile,
  ProfileBody,
  ProfileParams,
  PublicProfile,
  ReviewQueue,
  SearchPage,
  SearchQuery,
  Upload,
} from './directory.schemas.ts';
import * as directory from './directory.service.ts';
import * as profiles from './profiles.service.ts';
import { searchDirectory } from './search.service.ts';
import { createSearchCache } from './search-cache.ts';
import * as training from './training.service.ts';

const tags = ['directory'];
/** Uploads arrive as base64 inside JSON: 2 MB of file is about 2.7 MB of text. */

export function directoryRoutes(app: App, deps: Deps) {
  const searchCache = createSearchCache(deps.config.directoryCacheEntries);
  app.get(
    '/api/v1/directory/counties',
    {
      schema: {
        tags,
        summary: "Missouri's counties and their judicial circuits",
        response: { 200: z.array(CountyView) },
      },
    },
    async () => directory.listCounties(deps),
  );
  app.get(
    '/api/v1/directory/mediators',
    {
      schema: {
        tags,
        summary: 'Search the directory (public): words, filters, sort, cursor',
        querystring: SearchQuery,
        response: { 200: SearchPage },
      },
    },
    // The page is built by the service from typed rows; sent as a string, it skips a second
    // validation pass on the way out (the response schema still documents it). Answers are
    // cached per directory version (search-cache.ts), so a repeated search costs one small read.
    async (request, reply) => {
      const page = await searchCache.get(deps.db, canonicalJson(request.query), async () =>
        JSON.stringify(await searchDirectory(deps, request.query)),
      );
      return reply.type('application/json; charset=utf-8').send(page as never);
    },
  );
  app.get(
    '/api/v1/directory/mediators/:profileId',
    {
      schema: {
        tags,
        summary: "A mediator's public profile",
        params: ProfileParams,
        response: { 200: PublicProfile },
      },
    },
    async (request) => profiles.getPublicProfile(deps, request.params.profileId),
  );
  app.get(
    '/api/v1/directory/mediators/:profileId/photo',
    { schema: { tags, summary: "A mediator's photo", params: ProfileParams } },
    async (request, reply) => {
      const photo = await profiles.getPhoto(deps, request.params.profileId);
      return reply.header('cache-control', 'public, max-age=86400').type(photo.contentType).send(photo.data);
    },
  );
  app.post(
    '/api/v1/directory/mediators/:profileId/contact',
    {
      schema: {
        tags,
        summary: 'Send the mediator a message (their address is never shown)',
        params: ProfileParams,
        body: ContactBody,
        response: { 202: z.object({ sent: z.boolean(), message: z.string() }) },
      },
    },
    async (request, reply) =>
      reply.status(202).send(
        await contactMediator(deps, {
          profileId: request.params.profileId,
          ip: request.ip,
          ...request.body,
        }),
      ),
  );

  app.get(
    '/api/v1/directory/me',
    { schema: { tags, summary: 'My directory profile and training record', response: { 200: OwnProfile } } },
    async (request) => profiles.getOwnProfile(deps, request.actor),
  );
  app.put(
    '/api/v1/directory/me',
    {
      schema: {
        tags,
        summary: 'Create or update my directory profile',
        body: ProfileBody,
        response: { 200: OwnProfile },
      },
    },
    async (request) => profiles.saveOwnProfile(deps, request.actor, request.body),
  );
  app.put(
    '/api/v1/directory/me/photo',
    {
      bodyLimit: uploadBodyLimit('photo'),
      schema: {
        tags,
        summary: 'Replace my photo (JPEG, PNG or WebP, 2 MB)',
        body: Upload,
        response: { 200: OwnProfile },
      },
    },
    async (request) => profiles.setOwnPhoto(deps, request.actor, request.body),
  );
  app.put(
    '/api/v1/directory/me/affidavit',
    {
      bodyLimit: uploadBodyLimit('trainingDocument'),
      schema: {
        tags,
        summary: 'Upload my Rule 88.05 affidavit (PDF or image, 2 MB)',
        body: Upload,
        response: { 200: OwnProfile },
      },
    },
    async (request) => training.uploadOwnAffidavit(deps, request.actor, request.body),
  );
  app.post(
    '/api/v1/directory/me/courses',
    {
      bodyLimit: uploadBodyLimit('trainingDocument'),
      schema: {
        tags,
        summary: 'Record a course, with its certificate',
        body: CourseBody,
        response: { 201: OwnProfile },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await training.addOwnCourse(deps, request.actor, request.body)),
  );
  app.delete(
    '/api/v1/directory/me/courses/:courseId',
    {
      schema: {
        tags,
        summary: 'Remove a course nobody has verified yet',
        params: CourseParams,
        response: { 200: OwnProfile },
      },
    },
    async (request) => training.removeOwnCourse(deps, request.actor, request.params.courseId),
  );
  app.get(
    '/api/v1/directory/documents/:fileId',
    {
      schema: {
        tags,
        summary: 'A certificate or affidavit (its owner, staff, coordinators)',
        params: FileParams,
      },
    },
    async (request, reply) => {
      const file = await profiles.getDocument(deps, request.actor, request.params.fileId);
      return reply
        .type(file.contentType)
        .header('content-disposition', `inline; filename="${file.filename.replace(/"/g, '')}"`)
        .send(file.data);
    },
  );

  app.get(
    '/api/v1/directory/review',
    {
      schema: {
        tags,
        summary: 'Courses, credentials and affidavits waiting to be checked',
        response: { 200: ReviewQueue },
      },
    },
    async (request) => training.reviewQueue(deps, request.actor),
  );
  app.post(
    '/api/v1/directory/courses/:courseId/verify',
    {
      schema: {
        tags,
        summary: 'Verify a course (staff or a coordinator)',
        params: CourseParams,
        response: { 200: z.object({ verified: z.boolean() }) },
      },
    },
    async (request) => training.verifyCourse(deps, request.actor, request.params.courseId),
  );
  app.get(
    '/api/v1/directory/profiles/:profileId',
    {
      schema: {
        tags,
        summary: 'The whole record of a profile (staff)',
        params: ProfileParams,
        response: { 200: OwnProfile },
      },
    },
    async (request) => profiles.getProfileAsStaff(deps, request.actor, request.params.profileId),
  );
  app.put(
    '/api/v1/directory/profiles/:profileId',
    {
      schema: {
        tags,
        summary: "Edit someone's profile (staff, audited)",
        params: ProfileParams,
        body: ProfileBody,
      },
    },
    async (request) => ({
      profile: await profiles.saveProfileAsStaff(deps, request.actor, request.params.profileId, request.body),
    }),
  );
  app.post(
    '/api/v1/directory/profiles/:profileId/credentials/verify',
    {
      schema: {
        tags,
        summary: 'Confirm bar admission or degree (staff)',
        params: ProfileParams,
        response: { 200: z.object({ verified: z.boolean() }) },
      },
    },
    async (request) =>
      training.verifyProfileRecord(deps, request.actor, request.params.profileId, 'credentials'),
  );
  app.post(
    '/api/v1/directory/profiles/:profileId/affidavit/verify',
    {
      schema: {
        tags,
        summary: 'Confirm the Rule 88.05 affidavit (staff or a coordinator)',
        params: ProfileParams,
        response: { 200: z.object({ verified: z.boolean() }) },
      },
    },
    async (request) =>
      training.verifyProfileRecord(deps, request.actor, request.params.profileId, 'affidavit'),
  );
  app.post(
    '/api/v1/directory/profiles/:profileId/special-education',
    {
      schema: {
        tags,
        summary: 'Admit to or remove from the state special-education list (its coordinator)',
        params: ProfileParams,
        body: AdmissionBody,
        response: { 200: z.object({ admitted: z.boolean() }) },
      },
    },
    async (request) =>
      training.setSpecialEducationAdmission(
        deps,
        request.actor,
        request.params.profileId,
        request.body.admitted,
      ),
  );
  app.post(
    '/api/v1/directory/profiles/:profileId/federal-panels',
    {
      schema: {
        tags,
        summary: 'Record federal court panel membership (staff)',
        params: ProfileParams,
        body: FederalBody,
        response: { 200: FederalBody },
      },
    },
    async (request) => training.setFederalPanels(deps, request.actor, request.params.profileId, request.body),
  );
}
