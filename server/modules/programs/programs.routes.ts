import * as contract from '../../../contracts/programs.ts';
import { route } from '../../http/route.ts';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import * as districts from './districts.service.ts';
import { getProgramRules, setRuleChoices, setRuleOverrides } from './program-rules.service.ts';
import * as programs from './programs.service.ts';

export function programsRoutes(app: App, deps: Deps) {
  route(app, contract.listPrograms, async () => programs.listPrograms(deps));
  route(app, contract.getProgram, async (request) => programs.getProgram(deps, request.params.programId));
  route(app, contract.createProgram, async (request) =>
    programs.createProgram(deps, request.actor, request.body),
  );
  route(app, contract.updateProgram, async (request) =>
    programs.updateProgram(deps, request.actor, request.params.programId, request.body),
  );
  route(app, contract.listProgramPeople, async (request) =>
    programs.listProgramPeople(deps, request.actor, request.params.programId),
  );
  route(app, contract.listDistricts, async (request) =>
    districts.listDistricts(deps, request.actor, request.params.programId),
  );
  route(app, contract.addDistrict, async (request) =>
    districts.addDistrict(deps, request.actor, request.params.programId, request.body),
  );
  route(app, contract.removeDistrict, async (request) =>
    districts.removeDistrict(deps, request.actor, request.params.programId, request.params.districtId),
  );
  route(app, contract.getProgramRules, async (request) => getProgramRules(deps, request.params.programId));
  route(app, contract.setRuleChoices, async (request) =>
    setRuleChoices(deps, request.actor, request.params.programId, request.body),
  );
  route(app, contract.setLocalRules, async (request) =>
    setRuleOverrides(deps, request.actor, request.params.programId, request.body),
  );
}
