import * as contract from '../../../contracts/newsletter.ts';
import { requestLanguage } from '../../http/language.ts';
import { route } from '../../http/route.ts';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import * as newsletter from './newsletter.service.ts';
import * as signUps from './sign-ups.service.ts';
import * as subscriptions from './subscriptions.service.ts';

export function newsletterRoutes(app: App, deps: Deps) {
  route(app, contract.listIssues, async ({ actor }) => newsletter.listIssues(deps, actor));
  route(app, contract.createIssue, async ({ actor, body }) => newsletter.createIssue(deps, actor, body));
  route(app, contract.getIssue, async ({ actor, params }) =>
    newsletter.getIssue(deps, actor, params.issueId),
  );
  route(app, contract.updateIssue, async ({ actor, params, body }) =>
    newsletter.updateIssue(deps, actor, params.issueId, body),
  );
  route(app, contract.publishIssue, async ({ actor, params }) =>
    newsletter.publishIssue(deps, actor, params.issueId),
  );
  route(app, contract.unsubscribe, async ({ body }) => subscriptions.unsubscribeByToken(deps, body.token));
  route(app, contract.listPublicIssues, async () => newsletter.listPublicIssues(deps));
  route(app, contract.signUp, async (request) =>
    signUps.signUp(deps, {
      email: request.body.email,
      ip: request.ip,
      language: requestLanguage(request),
    }),
  );
  route(app, contract.confirmSignUp, async ({ body }) => signUps.confirmSignUp(deps, body.token));
  route(app, contract.listSignUps, async ({ actor, query }) => signUps.listSignUps(deps, actor, query));
  route(app, contract.downloadSignUps, async ({ actor, query }) => signUps.signUpsCsv(deps, actor, query));
  route(app, contract.getSubscription, async ({ actor }) => subscriptions.subscription(deps, actor));
  route(app, contract.setSubscription, async ({ actor, body }) =>
    subscriptions.setSubscription(deps, actor, body.subscribed),
  );
}
