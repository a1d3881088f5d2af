import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import { CaseParams } from '../cases/cases.schemas.ts';
import { uploadBodyLimit } from '../files/files.service.ts';
import {
  ConfirmBody,
  CorrectBody,
  DisputeBody,
  EvidenceParams,
  MarkDoneBody,
  MilestoneParams,
  ProgramParams,
  SettingsBody,
  WaiveBody,
} from './compliance.schemas.ts';
import * as milestones from './milestones.service.ts';
import { enforcementPacket } from './packet.service.ts';
import * as program from './program.service.ts';
import * as progress from './progress.service.ts';

const tags = ['after the agreement'];

/** After the agreement: its promises, their evidence, reminders, the enforcement packet, the program view. */
export function complianceRoutes(app: App, deps: Deps) {
  const base = '/api/v1/cases/:caseId/milestones/:milestoneId';
  app.get(
    '/api/v1/cases/:caseId/compliance',
    { schema: { tags, summary: 'What was promised, by when, and is it done', params: CaseParams } },
    async (request) => milestones.getCompliance(deps, request.actor, request.params.caseId),
  );
  app.patch(
    base,
    {
      schema: {
        tags,
        summary: 'Correct a promise (mediator or program), with a reason',
        params: MilestoneParams,
        body: CorrectBody,
      },
    },
    async (request) =>
      milestones.correctMilestone(
        deps,
        request.actor,
        request.params.caseId,
        request.params.milestoneId,
        request.body,
      ),
  );
  app.post(
    `${base}/done`,
    {
      bodyLimit: uploadBodyLimit('evidence'),
      schema: {
        tags,
        summary: 'Mark a promise done, with evidence',
        params: MilestoneParams,
        body: MarkDoneBody,
      },
    },
    async (request) =>
      progress.markDone(deps, request.actor, request.params.caseId, request.params.milestoneId, request.body),
  );
  app.post(
    `${base}/confirm`,
    { schema: { tags, summary: 'Confirm a promise was kept', params: MilestoneParams, body: ConfirmBody } },
    async (request) =>
      progress.confirmDone(
        deps,
        request.actor,
        request.params.caseId,
        request.params.milestoneId,
        request.body.note,
      ),
  );
  app.post(
    `${base}/dispute`,
    {
      schema: {
        tags,
        summary: 'Say a promise marked done is not done',
        params: MilestoneParams,
        body: DisputeBody,
      },
    },
    async (request) =>
      progress.disputeDone(
        deps,
        request.actor,
        request.params.caseId,
        request.params.milestoneId,
        request.body.reason,
      ),
  );
  app.post(
    `${base}/waive`,
    { schema: { tags, summary: 'Give up a promise made to you', params: MilestoneParams, body: WaiveBody } },
    async (request) =>
      progress.waiveMilestone(
        deps,
        request.actor,
        request.params.caseId,
        request.params.milestoneId,
        request.body.note,
      ),
  );
  app.get(
    `${base}/evidence/:fileId`,
    { schema: { tags, summary: 'Download an evidence file', params: EvidenceParams } },
    async (request, reply) => {
      const file = await progress.evidenceFile(
        deps,
        request.actor,
        request.params.caseId,
        request.params.fileId,
      );
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('x-content-type-options', 'nosniff')
        .send(file.data);
    },
  );
  app.get(
    '/api/v1/cases/:caseId/enforcement-packet.pdf',
    { schema: { tags, summary: 'The enforcement packet (PDF) for a missed promise', params: CaseParams } },
    async (request, reply) => {
      const { pdf, filename } = await enforcementPacket(deps, request.actor, request.params.caseId);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .send(pdf);
    },
  );
  app.get(
    '/api/v1/programs/:programId/compliance',
    {
      schema: {
        tags,
        summary: 'Agreements with overdue promises; the share kept on time',
        params: ProgramParams,
      },
    },
    async (request) => program.programCompliance(deps, request.actor, request.params.programId),
  );
  app.put(
    '/api/v1/programs/:programId/compliance/settings',
    {
      schema: {
        tags,
        summary: 'When to remind, and who hears about an overdue promise',
        params: ProgramParams,
        body: SettingsBody,
      },
    },
    async (request) =>
      program.updateComplianceSettings(deps, request.actor, request.params.programId, request.body),
  );
}
