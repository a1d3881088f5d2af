import * as contract from '../../../contracts/sms.ts';
import { route } from '../../http/route.ts';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import * as sms from './sms.service.ts';

export function smsRoutes(app: App, deps: Deps) {
  route(app, contract.getMobileNumber, async ({ actor }) => sms.getMobile(deps, actor));
  route(app, contract.setMobileNumber, async ({ actor, body }) => sms.setMobile(deps, actor, body));
  route(app, contract.confirmMobileNumber, async ({ actor, body }) => sms.confirmMobile(deps, actor, body));
  route(app, contract.setTextMessages, async ({ actor, body }) => sms.setTexts(deps, actor, body.optedIn));
  route(app, contract.removeMobileNumber, async ({ actor }) => sms.removeMobile(deps, actor));
  // The provider posts a form (Twilio: application/x-www-form-urlencoded) and signs its fields.
  app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );
    route(scope as App, contract.textsInbound, async (request) => {
      const signature = request.headers['x-twilio-signature'];
      const params =
        request.body && typeof request.body === 'object'
          ? Object.fromEntries(Object.entries(request.body).map(([k, v]) => [k, String(v)]))
          : {};
      await sms.inboundText(deps, params, typeof signature === 'string' ? signature : undefined);
    });
  });
  if (deps.config.showsDemoAids)
    route(app, contract.listTextOutbox, async ({ query }) => sms.listTextOutbox(deps, query));
}
