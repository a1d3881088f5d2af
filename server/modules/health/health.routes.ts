import * as contract from '../../../contracts/health.ts';
import { route } from '../../http/route.ts';
import type { App } from '../../http/types.ts';
import { ManualClock } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { checkHealth } from './health.service.ts';

export function healthRoutes(app: App, deps: Deps) {
  route(app, contract.getHealth, async () => checkHealth(deps));
  route(app, contract.getAbout, async () => ({ contactEmail: deps.config.contactEmail }));

  // Browser journeys move time forward ("the milestone passes its due date") through this
  // endpoint; it exists only when Parley runs in test mode on a manual clock.
  if (deps.config.mode === 'test' && deps.clock instanceof ManualClock) {
    const clock = deps.clock;
    route(app, contract.setTestClock, async (request) => {
      if (request.body.set) clock.set(request.body.set);
      if (request.body.advanceMs) clock.advance(request.body.advanceMs);
      return { now: clock.now().toISOString() };
    });
  }
}
