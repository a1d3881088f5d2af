import * as contract from '../../../contracts/compliance.ts';
import { requestLanguage } from '../../http/language.ts';
import { route } from '../../http/route.ts';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import { uploadBodyLimit } from '../files/files.service.ts';
import * as milestones from './milestones.service.ts';
import { enforcementPacket } from './packet.service.ts';
import * as program from './program.service.ts';
import * as progress from './progress.service.ts';

/** After the agreement: its promises, their evidence, reminders, the enforcement packet, the program view. */
export function complianceRoutes(app: App, deps: Deps) {
  route(app, contract.getCaseCompliance, async (request) =>
    milestones.getCompliance(deps, request.actor, request.params.caseId, requestLanguage(request)),
  );
  route(app, contract.correctMilestone, async ({ actor, params, body }) =>
    milestones.correctMilestone(deps, actor, params.caseId, params.milestoneId, body),
  );
  route(
    app,
    contract.markMilestoneDone,
    async ({ actor, params, body }) =>
      progress.markDone(deps, actor, params.caseId, params.milestoneId, body),
    { bodyLimit: uploadBodyLimit('evidence') },
  );
  route(app, contract.confirmMilestone, async ({ actor, params, body }) =>
    progress.confirmDone(deps, actor, params, body.note),
  );
  route(app, contract.disputeMilestone, async ({ actor, params, body }) =>
    progress.disputeDone(deps, actor, params, body.reason),
  );
  route(app, contract.waiveMilestone, async ({ actor, params, body }) =>
    progress.waiveMilestone(deps, actor, params, body.note),
  );
  route(app, contract.getEvidenceFile, async ({ actor, params }) =>
    progress.evidenceFile(deps, actor, params.caseId, params.fileId),
  );
  route(app, contract.getEnforcementPacket, async ({ actor, params, query }) =>
    enforcementPacket(deps, actor, params.caseId, query.language),
  );
  route(app, contract.getProgramCompliance, async (request) =>
    program.programCompliance(deps, request.actor, request.params.programId),
  );
  route(app, contract.listProgramPromises, async ({ actor, params, query }) =>
    program.listProgramPromises(deps, actor, params.programId, query),
  );
  route(app, contract.downloadProgramPromises, async ({ actor, params, query }) =>
    program.programPromisesCsv(deps, actor, params.programId, query),
  );
  route(app, contract.setComplianceSettings, async (request) =>
    program.updateComplianceSettings(deps, request.actor, request.params.programId, request.body),
  );
}
