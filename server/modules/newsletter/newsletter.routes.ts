import * as contract from '../../../contracts/newsletter.ts';
import { requestLanguage } from '../../http/language.ts';
import { route } from '../../http/route.ts';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import * as newsletter from './newsletter.service.ts';

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
  route(app, contract.unsubscribe, async ({ body }) => newsletter.unsubscribeByToken(deps, body.token));
  route(app, contract.listPublicIssues, async () => newsletter.listPublicIssues(deps));
  route(app, contract.signUp, async (request) =>
    newsletter.signUp(deps, {
      email: request.body.email,
      ip: request.ip,
      language: requestLanguage(request),
    }),
  );
  route(app, contract.confirmSignUp, async ({ body }) => newsletter.confirmSignUp(deps, body.token));
  route(app, contract.listSignUps, async ({ actor, query }) => newsletter.listSignUps(deps, actor, query));
  route(app, contract.downloadSignUps, async ({ actor, query }) => newsletter.signUpsCsv(deps, actor, query));
  route(app, contract.getSubscription, async ({ actor }) => newsletter.subscription(deps, actor));
  route(app, contract.setSubscription, async ({ actor, body }) =>
    newsletter.setSubscription(deps, actor, body.subscribed),
  );
}
