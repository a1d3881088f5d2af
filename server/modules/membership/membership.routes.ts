import * as contract from '../../../contracts/membership.ts';
import { route } from '../../http/route.ts';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import * as membership from './membership.service.ts';
import * as payments from './payments.service.ts';
import * as progress from './progress.service.ts';

/** Membership and payments, continuing education and the mediator path. */
export function membershipRoutes(app: App, deps: Deps) {
  route(app, contract.listTiers, async ({ actor }) => membership.listTiers(deps, actor, false));
  route(app, contract.listAllTiers, async ({ actor }) => membership.listTiers(deps, actor, true));
  route(app, contract.createTier, async ({ actor, body }) => membership.createTier(deps, actor, body));
  route(app, contract.updateTier, async ({ actor, params, body }) =>
    membership.updateTier(deps, actor, params.tierId, body),
  );

  route(app, contract.getMyMembership, async ({ actor }) => membership.myMembership(deps, actor));
  route(app, contract.join, async ({ actor, body }) => membership.join(deps, actor, body));
  route(app, contract.renew, async ({ actor, body }) => membership.renew(deps, actor, body));
  route(app, contract.listMemberships, async ({ actor, query }) =>
    membership.listMemberships(deps, actor, query.status),
  );

  route(app, contract.listPayments, async ({ actor, query }) =>
    membership.listPayments(deps, actor, query.userId),
  );
  route(app, contract.recordPayment, async ({ actor, body }) => payments.recordPayment(deps, actor, body));
  route(app, contract.getReceipt, async ({ actor, params }) =>
    payments.receipt(deps, actor, params.paymentId),
  );

  route(app, contract.getContinuingEducation, async ({ actor }) =>
    progress.myContinuingEducation(deps, actor),
  );
  route(app, contract.getPath, async ({ actor }) => progress.myPath(deps, actor));
  route(app, contract.tickStep, async ({ actor, params, body }) =>
    progress.tickStep(deps, actor, params.step, body.done),
  );
}
