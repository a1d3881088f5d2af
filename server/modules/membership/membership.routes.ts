import * as contract from '../../../contracts/membership.ts';
import * as membershipMembers from '../../../contracts/membership-members.ts';
import * as membershipPayments from '../../../contracts/membership-payments.ts';
import * as membershipProgress from '../../../contracts/membership-progress.ts';
import { requestLanguage } from '../../http/language.ts';
import { route } from '../../http/route.ts';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import * as invoices from './invoices.service.ts';
import * as members from './members.service.ts';
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
  route(app, membershipMembers.listMemberships, async ({ actor, query }) =>
    membership.listMemberships(deps, actor, { ...query, owing: query.owing === 'true' }),
  );
  route(app, membershipMembers.listMembers, async ({ actor, query }) =>
    members.listMembers(deps, actor, query),
  );
  route(app, membershipMembers.downloadMembers, async ({ actor, query }) =>
    members.membersCsv(deps, actor, query),
  );
  route(app, membershipMembers.getMember, async ({ actor, params }) =>
    members.memberRecord(deps, actor, params.userId),
  );
  route(app, membershipPayments.startCheckout, async ({ actor, params }) =>
    invoices.startCheckout(deps, actor, params.invoiceId),
  );
  // The card provider signs the exact bytes it sends: this route alone reads its body as bytes.
  app.register(async (scope) => {
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) =>
      done(null, body),
    );
    route(scope as App, membershipPayments.cardWebhook, async (request) => {
      const signature = request.headers['stripe-signature'];
      return invoices.cardWebhook(
        deps,
        Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
        typeof signature === 'string' ? signature : undefined,
      );
    });
  });
  if (deps.config.cardPayments?.provider === 'simulated') {
    route(app, membershipPayments.getSimulatedCheckout, async ({ actor, params }) =>
      invoices.simulatedCheckout(deps, actor, params.checkoutId),
    );
    route(app, membershipPayments.paySimulatedCheckout, async ({ actor, params }) =>
      invoices.paySimulatedCheckout(deps, actor, params.checkoutId),
    );
  }

  route(app, membershipPayments.listPayments, async ({ actor, query }) =>
    membership.listPayments(deps, actor, query),
  );
  route(app, membershipPayments.downloadPayments, async ({ actor, query }) =>
    membership.paymentsCsv(deps, actor, query),
  );
  route(app, membershipPayments.recordPayment, async ({ actor, body }) =>
    payments.recordPayment(deps, actor, body),
  );
  route(app, membershipPayments.getReceipt, async ({ actor, params }) =>
    payments.receipt(deps, actor, params.paymentId),
  );

  route(app, membershipProgress.getContinuingEducation, async ({ actor }) =>
    progress.myContinuingEducation(deps, actor),
  );
  route(app, membershipProgress.getPath, async (request) =>
    progress.myPath(deps, request.actor, requestLanguage(request)),
  );
  route(app, membershipProgress.tickStep, async (request) =>
    progress.tickStep(deps, request.actor, request.params.step, request.body.done, requestLanguage(request)),
  );
}
