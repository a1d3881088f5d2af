import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import helmet from 'helmet';
import pino from 'pino';
import { cardWebhook } from '../contracts/membership-payments.ts';
import { textsInbound } from '../contracts/sms.ts';
import type { Config } from './config.ts';
import { type Db, openDatabase } from './db/database.ts';
import { csrfCheck, ensureCsrfCookie } from './http/csrf.ts';
import { notFound, registerErrorHandling } from './http/errors.ts';
import { requestLanguage } from './http/language.ts';
import { REDACT_PATHS, serializers } from './http/logging.ts';
import { isApiRequest, routedPath } from './http/paths.ts';
import { isSecure, registerSessionHook, SESSION_COOKIE } from './http/session.ts';
import { fastifyTrustProxy } from './http/trust-proxy.ts';
import type { App } from './http/types.ts';
import { registerWriteRate } from './http/write-rate.ts';
import { type Clock, ManualClock, systemClock } from './infra/clock.ts';
import type { Deps } from './infra/deps.ts';
import { type Mailer, noMailer, smtpMailer } from './infra/mailer.ts';
import { type Texter, texterFor } from './infra/texter.ts';
import { accountsRoutes } from './modules/accounts/accounts.routes.ts';
import { agreementsRoutes } from './modules/agreements/agreements.routes.ts';
import { agreementToMediateRoutes } from './modules/agreements-to-mediate/atm.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { setAuditSecret } from './modules/audit/audit.service.ts';
import { casesRoutes } from './modules/cases/cases.routes.ts';
import { complianceRoutes } from './modules/compliance/compliance.routes.ts';
import { conversationsRoutes } from './modules/conversations/conversations.routes.ts';
import { courtRoutes } from './modules/court/court.routes.ts';
import { directoryRoutes } from './modules/directory/directory.routes.ts';
import { documentsRoutes } from './modules/documents/documents.routes.ts';
import { eventsRoutes } from './modules/events/events.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { invitationsRoutes } from './modules/invitations/invitations.routes.ts';
import { issuesRoutes } from './modules/issues/issues.routes.ts';
import { jobsBoardRoutes } from './modules/jobs-board/jobs-board.routes.ts';
import { libraryRoutes } from './modules/library/library.routes.ts';
import { mailRoutes } from './modules/mail/mail.routes.ts';
import { membershipRoutes } from './modules/membership/membership.routes.ts';
import { myDataRoutes } from './modules/my-data/my-data.routes.ts';
import { negotiationRoutes } from './modules/negotiation/negotiation.routes.ts';
import { newsletterRoutes } from './modules/newsletter/newsletter.routes.ts';
import { notesRoutes } from './modules/notes/notes.routes.ts';
import { notificationsRoutes } from './modules/notifications/notifications.routes.ts';
import { outcomesRoutes } from './modules/outcomes/outcomes.routes.ts';
import { preparationRoutes } from './modules/preparation/preparation.routes.ts';
import { programsRoutes } from './modules/programs/programs.routes.ts';
import { reportsRoutes } from './modules/reports/reports.routes.ts';
import { retentionRoutes } from './modules/retention/retention.routes.ts';
import { screeningRoutes } from './modules/screening/screening.routes.ts';
import { selectionRoutes } from './modules/selection/selection.routes.ts';
import { sessionsRoutes } from './modules/sessions/sessions.routes.ts';
import { smsRoutes } from './modules/sms/sms.routes.ts';

/** Every area's routes, registered in this order: one line per area, and every area has its line. */
const AREAS: ((app: App, deps: Deps) => void)[] = [
  healthRoutes,
  accountsRoutes,
  invitationsRoutes,
  programsRoutes,
  auditRoutes,
  mailRoutes,
  // A case, from the request to the Agreement to Mediate
  casesRoutes,
  screeningRoutes,
  selectionRoutes,
  agreementToMediateRoutes,
  // The mediation, from the first session to the outcome
  preparationRoutes,
  sessionsRoutes,
  conversationsRoutes,
  documentsRoutes,
  notesRoutes,
  issuesRoutes,
  negotiationRoutes,
  agreementsRoutes,
  outcomesRoutes,
  complianceRoutes,
  courtRoutes,
  // Find a Mediator and the association
  directoryRoutes,
  membershipRoutes,
  eventsRoutes,
  libraryRoutes,
  newsletterRoutes,
  jobsBoardRoutes,
  // The life of the data: retention, legal holds, a person's export and deletion
  retentionRoutes,
  myDataRoutes,
  // What Parley tells each person: the bell, the digest, text messages
  notificationsRoutes,
  smsRoutes,
  // Figures: a program's dashboard and settings
  reportsRoutes,
];

const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'web');

export type BuildOptions = {
  config: Config;
  db?: Db;
  clock?: Clock;
  mailer?: Mailer;
  texter?: Texter;
  /** Where log lines go (tests capture them to prove nothing confidential is logged). */
  logStream?: NodeJS.WritableStream;
};

/** Builds Parley's HTTP app without listening: main.ts listens, tests call app.inject. */
export type RouteSummary = { method: string; url: string; fromContract: boolean };

export async function buildApp(
  options: BuildOptions,
): Promise<{ app: App; deps: Deps; routes: RouteSummary[] }> {
  const { config } = options;
  setAuditSecret(config.appSecret);
  const logger = pino(
    { level: config.logLevel, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, serializers },
    options.logStream ?? process.stdout,
  );
  const deps: Deps = {
    config,
    db: options.db ?? openDatabase({ url: config.databaseUrl }),
    clock: options.clock ?? (config.mode === 'test' ? new ManualClock() : systemClock),
    mailer: options.mailer ?? (config.smtpUrl ? smtpMailer(config.smtpUrl) : noMailer),
    texter: options.texter ?? texterFor(config),
    log: logger,
  };

  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: fastifyTrustProxy(config.trustProxy),
    // Parley makes every request id itself: a client's x-request-id is neither logged nor echoed,
    // so nobody can write what they like into the log or make two requests look like one.
    requestIdHeader: false,
    // Request ids only label log lines: a random UUID (Node keeps an entropy cache) is enough.
    genReqId: () => randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();

  // Every route, as registered: the access-matrix test checks each has an entry.
  const routes: RouteSummary[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat())
      routes.push({ method, url: route.url, fromContract: route.config?.contract === true });
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);

  await app.register(fastifyCookie);
  // Helmet's security headers, worked out once: they are the same on every answer, and making
  // them again for each request cost more than some whole answers.
  const securityHeaders = helmetHeaders({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: config.publicUrl.startsWith('https://'),
  });
  app.addHook('onRequest', async (_request, reply) => {
    reply.headers(securityHeaders);
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Parley API',
        version: '1',
        description:
          'Mediation in Missouri from the first request to the last promise kept. State-changing requests need the x-csrf-token header echoing the parley_csrf cookie.',
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  // The security hooks judge the path the router matched (server/http/paths.ts), never the raw URL.
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (isApiRequest(request)) reply.header('cache-control', 'no-store');
  });
  registerSessionHook(app, deps);
  app.addHook('onRequest', async (request, reply) => {
    if (!isApiRequest(request)) return;
    const sessionToken = request.cookies[SESSION_COOKIE];
    // The web app asks who is signed in on every page load: that answer carries the CSRF cookie,
    // so other answers (a public search under load) need not make one.
    if (routedPath(request) === '/api/v1/auth/session')
      ensureCsrfCookie(request, reply, sessionToken, {
        secret: config.appSecret,
        secure: isSecure(deps, request),
      });
    // The card provider's webhook carries no cookie: its signature is checked instead.
    if (routedPath(request) === cardWebhook.path || routedPath(request) === textsInbound.path) return;
    csrfCheck(request, config.appSecret, sessionToken);
  });

  registerWriteRate(app, deps);
  for (const register of AREAS) register(app, deps);

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await serveWeb(app);
  return { app, deps, routes };
}

/** The headers Helmet sets with these options, as a plain object (they do not depend on the request). */
function helmetHeaders(options: Parameters<typeof helmet>[0]): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string) => {
      headers[name.toLowerCase()] = value;
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(options)({} as never, response as never, (error?: unknown) => {
    if (error) throw error;
  });
  return headers;
}

/** The built web app: hashed assets cached for a year, index.html always revalidated, SPA fallback. */
async function serveWeb(app: App) {
  const hasWeb = existsSync(path.join(webRoot, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: false,
      // @fastify/static 10 passes the Fastify reply here, not Node's ServerResponse.
      setHeaders(reply, filePath) {
        reply.header(
          'cache-control',
          filePath.includes(`${path.sep}assets${path.sep}`)
            ? 'public, max-age=31536000, immutable'
            : 'no-cache',
        );
      },
    });
  }
  app.setNotFoundHandler(async (request, reply) => {
    // Only the path decides: a page's query may hold a dotted value such as ?to=name@example.com.
    const pathname = routedPath(request);
    const isPage = request.method === 'GET' && !pathname.startsWith('/api/') && !/\.\w{2,5}$/.test(pathname);
    if (hasWeb && isPage) {
      return reply.header('cache-control', 'no-cache').type('text/html').sendFile('index.html');
    }
    const error = notFound(`${request.method} ${request.url.split('?')[0]}`);
    return reply.status(404).send(error.toEnvelope(requestLanguage(request)));
  });
}
