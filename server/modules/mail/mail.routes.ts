import * as contract from '../../../contracts/mail.ts';
import { notFound } from '../../http/errors.ts';
import { route } from '../../http/route.ts';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import { listMailbox, readMailboxAttachment } from './mail.service.ts';

/** The development mailbox (contracts/mail.ts): never registered in production. */
export function mailRoutes(app: App, deps: Deps) {
  if (!deps.config.showsDemoAids) return;
  route(app, contract.listMailbox, async (request) => listMailbox(deps, request.query));
  route(app, contract.getMailboxAttachment, async (request) => {
    const attachment = await readMailboxAttachment(deps, request.params.emailId, request.params.index);
    if (!attachment) throw notFound('That attachment');
    return {
      data: Buffer.from(attachment.content, attachment.encoding === 'base64' ? 'base64' : 'utf8'),
      filename: attachment.filename,
      contentType: attachment.contentType,
    };
  });
}
