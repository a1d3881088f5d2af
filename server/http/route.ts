import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  type FileBody,
  type NoContent,
  type Parsed,
  type ResponseOf,
  type RouteContract,
  type SuccessBodyOf,
  successStatus,
} from '../../contracts/route.ts';
import type { Deps } from '../infra/deps.ts';
import type { Actor } from '../modules/access/access.service.ts';
import type { CaseAt } from '../modules/cases/case-access.ts';
import { type Download, downloadHeaders } from '../modules/files/files.service.ts';
import { requestLanguage } from './language.ts';
import type { App } from './types.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route was registered from a contract (contracts/<area>.ts). */
    contract?: boolean;
  }
}

/**
 * A file to send: its bytes, Parley's name for it, and its type when it varies (defaults to the
 * contract's first content type). It goes out through the files module's downloadHeaders: always
 * saved rather than shown, with the type and extension its bytes show.
 */
export type FileReply = Download;

/**
 * An answer already written as JSON, to keep and send many times (the directory's cached search
 * pages): the route sends its text as it is, without serializing or checking it again. Made from
 * a value of the answer's type with `jsonText(answer)`, so it still says what the contract says.
 */
export class JsonText<T> {
  declare private readonly answer: T;
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}

/** Writes an answer as JSON once, to be sent as it is (see JsonText). */
export const jsonText = <T>(answer: T): JsonText<T> => new JsonText<T>(JSON.stringify(answer));

/** The request a contract's handler receives: params, query and body parsed by its schemas. */
export type ContractRequest<C extends RouteContract> = FastifyRequest<{
  Params: Parsed<C['params']>;
  Querystring: Parsed<C['query']>;
  Body: Parsed<C['body']>;
}>;

/** What a handler returns: the success body (JSON, or JSON written ahead) or a file; nothing for a 204. */
export type HandlerResult<C extends RouteContract> =
  SuccessBodyOf<C> extends FileBody ? FileReply : ResponseOf<C> | JsonText<ResponseOf<C>>;

export type ContractHandler<C extends RouteContract> = (
  request: ContractRequest<C>,
  reply: FastifyReply,
) => SuccessBodyOf<C> extends NoContent ? Promise<void> : Promise<HandlerResult<C>>;

export type RouteOptions = {
  /** Largest request body for this route, when it takes uploads (the server's default otherwise). */
  bodyLimit?: number;
};

/**
 * Registers one route from its contract: method, path, schemas (validated on the way in,
 * serialized on the way out, documented in /api/openapi.json), and the success status. The
 * handler calls one service and returns the body; it never picks a status or writes JSON itself.
 */
export function route<C extends RouteContract>(
  app: App,
  contract: C,
  handler: ContractHandler<C>,
  options: RouteOptions = {},
): void {
  const status = successStatus(contract);
  const success = Object.values(contract.response)[0] as unknown;
  const file = isFileBody(success) ? success : null;
  app.route({
    method: contract.method,
    url: contract.path,
    config: { contract: true },
    ...(options.bodyLimit ? { bodyLimit: options.bodyLimit } : {}),
    schema: {
      tags: [...contract.tags],
      summary: contract.summary,
      ...(contract.description ? { description: contract.description } : {}),
      ...(contract.params ? { params: contract.params } : {}),
      ...(contract.query ? { querystring: contract.query } : {}),
      ...(contract.body ? { body: contract.body } : {}),
      response: {
        [status]: file
          ? {
              description: file.schema.description,
              content: Object.fromEntries(file.contentTypes.map((type) => [type, { schema: file.schema }])),
            }
          : success,
      },
    },
    handler: async (request, reply) => {
      const result = await handler(request as unknown as ContractRequest<C>, reply);
      reply.status(status);
      if (status === 204) return reply.send();
      // A string with a JSON type goes out as it is: Fastify serializes only other values.
      if (result instanceof JsonText) return reply.type('application/json; charset=utf-8').send(result.text);
      if (file) {
        const sent = result as FileReply;
        return reply
          .headers(downloadHeaders({ ...sent, contentType: sent.contentType ?? file.contentTypes[0] }))
          .send(sent.data);
      }
      return result;
    },
  });
}

/** A service a route hands straight to: the signed-in person, one id from the path, and the body. */
export type ScopedService<C extends RouteContract> = (
  deps: Deps,
  actor: Actor | null,
  id: string,
  body: Parsed<C['body']>,
) => ReturnType<ContractHandler<C>>;

/** The same, for one record of a case: the signed-in person, the case, the record's id, and the body. */
export type CaseItemService<C extends RouteContract> = (
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  itemId: string,
  body: Parsed<C['body']>,
) => ReturnType<ContractHandler<C>>;

/**
 * The routes of one case (`/cases/:caseId/...`) or one program (`/programs/:programId/...`) whose
 * handler only passes the signed-in person, that id and the body to one service:
 * `const on = scopedRoutes(app, deps); on.case(contract.getOutcome, outcomes.getOutcome);`; and
 * those of one record of a case (`/cases/:caseId/issues/:issueId`), which pass its id too:
 * `on.caseItem(contract.updateIssue, 'issueId', issues.updateIssue)`.
 * A route that reads more of the request registers with `route` itself.
 */
export function scopedRoutes(app: App, deps: Deps) {
  const scoped =
    (key: 'caseId' | 'programId') =>
    <C extends RouteContract>(contract: C, service: ScopedService<C>, options?: RouteOptions) => {
      const handler = (request: ContractRequest<C>) => {
        const params = request.params as Record<string, string>;
        return service(deps, request.actor, params[key]!, request.body as Parsed<C['body']>);
      };
      route(app, contract, handler as ContractHandler<C>, options);
    };
  const onCase = scoped('caseId');
  return {
    case: onCase,
    program: scoped('programId'),
    caseItem: <C extends RouteContract>(
      contract: C,
      key: string & keyof Parsed<C['params']>,
      service: CaseItemService<C>,
      options?: RouteOptions,
    ) => {
      const handler = (request: ContractRequest<C>) => {
        const params = request.params as Record<string, string>;
        return service(deps, request.actor, params.caseId!, params[key]!, request.body as Parsed<C['body']>);
      };
      route(app, contract, handler as ContractHandler<C>, options);
    },
    /** A case's PDF, from a service that makes it as `{ pdf, filename }`. */
    casePdf: <C extends RouteContract & { readonly response: { readonly 200: FileBody } }>(
      contract: C,
      make: (deps: Deps, actor: Actor | null, caseId: string) => Promise<{ pdf: Buffer; filename: string }>,
    ) =>
      onCase(contract, (async (d: Deps, actor: Actor | null, caseId: string): Promise<FileReply> => {
        const { pdf, filename } = await make(d, actor, caseId);
        return { data: pdf, filename };
      }) as unknown as ScopedService<C>),
  };
}

/** The case a request is about (`/cases/:caseId/...`), who asks, and the page's language. */
export const caseAt = (deps: Deps, request: FastifyRequest & { params: { caseId: string } }): CaseAt => ({
  deps,
  actor: request.actor,
  caseId: request.params.caseId,
  language: requestLanguage(request),
});

function isFileBody(value: unknown): value is FileBody {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'file';
}
