import { z } from 'zod';
import { parseTrustProxy, type TrustProxy } from './http/trust-proxy.ts';
import { decodeKey256, deriveKey } from './infra/crypto.ts';
import { developmentMasterKey, type MasterKey, parseMasterKeys } from './infra/master-keys.ts';

/**
 * Parley's configuration, read once from the environment. A bad setting stops start-up with a
 * message that names it, instead of failing later in the middle of a request.
 */
export const Mode = z.enum(['production', 'demo', 'development', 'test']);
export type Mode = z.infer<typeof Mode>;

const PRODUCTION_CHECKPOINTS = 'data/audit-checkpoints.jsonl';
const DEV_SECRET = 'parley-development-secret-do-not-use-in-production-0000';

const Env = z
  .object({
    PARLEY_MODE: Mode.default('demo').describe('production, demo, development or test'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z
      .string()
      .min(1)
      .optional()
      .describe('the address to listen on: every interface (0.0.0.0) by default, 127.0.0.1 in demo mode'),
    DATABASE_URL: z
      .string()
      .min(1)
      .default('file:data/parley.db')
      .refine((v) => /^(file:|postgres(ql)?:\/\/)/.test(v), {
        message: 'must start with file: (SQLite) or postgres:// (PostgreSQL)',
      }),
    PUBLIC_URL: z.url().optional().describe('the address people use, for links in e-mail'),
    APP_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    SMTP_URL: z
      .string()
      .refine((v) => /^smtps?:\/\//.test(v), { message: 'must start with smtp:// or smtps://' })
      .optional(),
    MAIL_FROM: z.string().min(3).default('Parley <no-reply@parley.local>'),
    CONTACT_EMAIL: z
      .email({ message: 'must be an e-mail address' })
      .default('help@parley.local')
      .describe('where people write about privacy, accessibility or anything else (the contact page)'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    TRUST_PROXY: z
      .string()
      .default('false')
      .transform((v, ctx) => {
        const parsed = parseTrustProxy(v);
        if (typeof parsed === 'string') {
          ctx.addIssue({ code: 'custom', message: parsed });
          return z.NEVER;
        }
        return parsed;
      })
      .describe('the proxies in front of Parley: addresses, ranges (10.0.0.0/8) or a hop count'),
    SIGN_IN_ADDRESS_LIMIT: z.coerce
      .number()
      .int()
      .min(100)
      .default(5000)
      .describe('failed sign-ins from one address in an hour, over every account, before it must wait'),
    SESSION_IDLE_MINUTES: z.coerce
      .number()
      .int()
      .min(5)
      .max(24 * 60)
      .default(120),
    SESSION_ABSOLUTE_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(72),
    JOBS: z
      .enum(['on', 'off'])
      .default('on')
      .transform((v) => v === 'on')
      .describe('run the background job runner in this process'),
    WRITES_PER_MINUTE: z.coerce
      .number()
      .int()
      .min(10)
      .default(120)
      .describe('changes one signed-in person may make in a minute, across all servers'),
    CASE_REQUESTS_PER_DAY: z.coerce
      .number()
      .int()
      .min(1)
      .default(5)
      .describe('requests for mediation one person may make for themselves in a day'),
    BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
    DIRECTORY_CACHE_ENTRIES: z.coerce
      .number()
      .int()
      .min(0)
      .default(2000)
      .describe('directory search answers each server keeps (0: none)'),
    PARLEY_MASTER_KEYS: z
      .string()
      .optional()
      .describe('<id>:<base64 key> entries; the first wraps new case keys'),
    BACKUP_DIR: z.string().min(1).default('data/backups'),
    BACKUP_ENCRYPTION_KEY: z
      .string()
      .refine((v) => decodeKey256(v) !== null, { message: 'must be 32 random bytes in base64' })
      .optional(),
    BACKUP_KEEP_DAILY: z.coerce.number().int().min(1).max(366).default(7),
    BACKUP_KEEP_WEEKLY: z.coerce.number().int().min(0).max(520).default(4),
    AUDIT_CHECKPOINTS: z
      .string()
      .min(1)
      .optional()
      .describe(
        "where the audit trail's checkpoints go: a file path (appended to) or `log`; in production data/audit-checkpoints.jsonl, elsewhere the log",
      ),
    STRIPE_SECRET_KEY: z
      .string()
      .regex(/^(sk|rk)_(test|live)_\w+$/, 'must be a Stripe secret key (sk_test_…, sk_live_…)')
      .optional()
      .describe('card payments through Stripe Checkout; with STRIPE_WEBHOOK_SECRET'),
    STRIPE_WEBHOOK_SECRET: z
      .string()
      .regex(/^whsec_\w+$/, 'must be a Stripe webhook signing secret (whsec_…)')
      .optional()
      .describe(
        "the signing secret of Stripe's webhook endpoint for /api/v1/association/payments/card-webhook",
      ),
    CARD_PAYMENTS: z
      .enum(['simulated'])
      .optional()
      .describe('simulated: a stand-in card provider for demos and tests (not in production)'),
    TWILIO_ACCOUNT_SID: z
      .string()
      .regex(/^AC[0-9a-fA-F]{32}$/, 'must be a Twilio account SID (AC followed by 32 hexadecimal digits)')
      .optional()
      .describe("text messages through Twilio's REST API; with TWILIO_AUTH_TOKEN and TWILIO_FROM"),
    TWILIO_AUTH_TOKEN: z
      .string()
      .min(16, 'must be the Twilio auth token (at least 16 characters)')
      .optional()
      .describe(
        "the Twilio account's auth token: signs Parley's requests and checks the inbound webhook's X-Twilio-Signature",
      ),
    TWILIO_FROM: z
      .string()
      .regex(/^\+[1-9]\d{7,14}$/, 'must be a phone number in international form, like +15735550100')
      .optional()
      .describe('the Twilio number texts are sent from'),
    BACKUP_JOB: z
      .enum(['on', 'off'])
      .default('off')
      .transform((v) => v === 'on')
      .describe('make a backup every day from the job runner'),
  })
  .superRefine((env, ctx) => {
    if (env.PARLEY_MASTER_KEYS !== undefined) {
      const parsed = parseMasterKeys(env.PARLEY_MASTER_KEYS);
      if ('error' in parsed)
        ctx.addIssue({ code: 'custom', path: ['PARLEY_MASTER_KEYS'], message: parsed.error });
    } else if (env.PARLEY_MODE === 'production') {
      ctx.addIssue({ code: 'custom', path: ['PARLEY_MASTER_KEYS'], message: 'is required in production' });
    }
    if (env.PARLEY_MODE === 'production' && !env.APP_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['APP_SECRET'], message: 'is required in production' });
    }
    if (Boolean(env.STRIPE_SECRET_KEY) !== Boolean(env.STRIPE_WEBHOOK_SECRET)) {
      const missing = env.STRIPE_SECRET_KEY ? 'STRIPE_WEBHOOK_SECRET' : 'STRIPE_SECRET_KEY';
      ctx.addIssue({
        code: 'custom',
        path: [missing],
        message: 'is needed too: card payments take both Stripe settings',
      });
    }
    const twilio = [env.TWILIO_ACCOUNT_SID, env.TWILIO_AUTH_TOKEN, env.TWILIO_FROM];
    if (twilio.some(Boolean) && !twilio.every(Boolean)) {
      for (const [name, value] of [
        ['TWILIO_ACCOUNT_SID', env.TWILIO_ACCOUNT_SID],
        ['TWILIO_AUTH_TOKEN', env.TWILIO_AUTH_TOKEN],
        ['TWILIO_FROM', env.TWILIO_FROM],
      ] as const)
        if (!value)
          ctx.addIssue({
            code: 'custom',
            path: [name],
            message: 'is needed too: text messages take all three Twilio settings',
          });
    }
    if (env.CARD_PAYMENTS === 'simulated' && env.PARLEY_MODE === 'production') {
      ctx.addIssue({ code: 'custom', path: ['CARD_PAYMENTS'], message: 'cannot be simulated in production' });
    }
    if (env.PARLEY_MODE === 'production' && !env.PUBLIC_URL) {
      ctx.addIssue({ code: 'custom', path: ['PUBLIC_URL'], message: 'is required in production' });
    }
  });

export type Config = {
  mode: Mode;
  port: number;
  host: string;
  /** A demo with HOST unset listens on this machine only: its mailbox page shows every link. */
  demoLocalOnly: boolean;
  databaseUrl: string;
  publicUrl: string;
  appSecret: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Shown on the contact, privacy and accessibility pages. */
  contactEmail: string;
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
  /** Who may tell Parley a client's address (X-Forwarded-For): see parseTrustProxy. */
  trustProxy: TrustProxy;
  signInAddressLimit: number;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  jobs: boolean;
  bodyLimitBytes: number;
  /** Changes one signed-in person may make in a minute (counted in the database). */
  writesPerMinute: number;
  /** Requests for mediation one person may make for themselves in a day. */
  caseRequestsPerDay: number;
  directoryCacheEntries: number;
  /** The first wraps new case keys; every one listed is read (server/modules/keys). */
  masterKeys: [MasterKey, ...MasterKey[]];
  backups: {
    dir: string;
    /** AES-256-GCM key for backup files; none: backups are written unencrypted. */
    encryptionKey: Buffer | null;
    keepDaily: number;
    keepWeekly: number;
    /** The job runner makes a backup every day. */
    scheduled: boolean;
  };
  /**
   * Where the audit trail's head is copied every few minutes, outside the database: appended to a
   * file (on storage the database's administrators cannot rewrite), or written to the log.
   */
  auditCheckpoints: { sink: 'file'; path: string } | { sink: 'log' };
  /**
   * How members pay by card: Stripe Checkout (both Stripe settings), a simulated provider for
   * demos and tests, or not at all (null: the card option is not shown).
   */
  cardPayments:
    | { provider: 'stripe'; secretKey: string; webhookSecret: string }
    | { provider: 'simulated'; webhookSecret: string }
    | null;
  /**
   * Text messages: through Twilio (all three settings); outside production without them, held in
   * the development text outbox, the inbound webhook checked against a development token; in
   * production without them, null (Parley offers no text messages).
   */
  texts:
    | { provider: 'twilio'; accountSid: string; authToken: string; from: string }
    | { provider: 'development'; authToken: string }
    | null;
  /** Demo sign-ins and the development mailbox are shown only in these modes. */
  showsDemoAids: boolean;
};

export class ConfigError extends Error {}

/** Parses the environment; throws ConfigError naming each bad setting. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(environment)'}: ${i.message}`);
    throw new ConfigError(`Parley cannot start: bad configuration\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const appSecret = e.APP_SECRET ?? DEV_SECRET;
  const masterKeys = e.PARLEY_MASTER_KEYS === undefined ? null : parseMasterKeys(e.PARLEY_MASTER_KEYS);
  return {
    mode: e.PARLEY_MODE,
    port: e.PORT,
    host: e.HOST ?? (e.PARLEY_MODE === 'demo' ? '127.0.0.1' : '0.0.0.0'),
    demoLocalOnly: e.PARLEY_MODE === 'demo' && e.HOST === undefined,
    databaseUrl: e.DATABASE_URL,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    appSecret,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    contactEmail: e.CONTACT_EMAIL,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    signInAddressLimit: e.SIGN_IN_ADDRESS_LIMIT,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: e.SESSION_ABSOLUTE_HOURS,
    jobs: e.JOBS,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    writesPerMinute: e.WRITES_PER_MINUTE,
    caseRequestsPerDay: e.CASE_REQUESTS_PER_DAY,
    directoryCacheEntries: e.DIRECTORY_CACHE_ENTRIES,
    masterKeys:
      masterKeys && 'keys' in masterKeys
        ? (masterKeys.keys as Config['masterKeys'])
        : [developmentMasterKey(appSecret)],
    backups: {
      dir: e.BACKUP_DIR,
      encryptionKey: e.BACKUP_ENCRYPTION_KEY ? decodeKey256(e.BACKUP_ENCRYPTION_KEY) : null,
      keepDaily: e.BACKUP_KEEP_DAILY,
      keepWeekly: e.BACKUP_KEEP_WEEKLY,
      scheduled: e.BACKUP_JOB,
    },
    auditCheckpoints:
      (e.AUDIT_CHECKPOINTS ?? (e.PARLEY_MODE === 'production' ? PRODUCTION_CHECKPOINTS : 'log')) === 'log'
        ? { sink: 'log' }
        : { sink: 'file', path: e.AUDIT_CHECKPOINTS ?? PRODUCTION_CHECKPOINTS },
    cardPayments:
      e.STRIPE_SECRET_KEY && e.STRIPE_WEBHOOK_SECRET
        ? { provider: 'stripe', secretKey: e.STRIPE_SECRET_KEY, webhookSecret: e.STRIPE_WEBHOOK_SECRET }
        : e.CARD_PAYMENTS === 'simulated'
          ? {
              provider: 'simulated',
              webhookSecret: `whsec_${deriveKey(appSecret, 'simulated-card-webhook').toString('hex')}`,
            }
          : null,
    texts:
      e.TWILIO_ACCOUNT_SID && e.TWILIO_AUTH_TOKEN && e.TWILIO_FROM
        ? {
            provider: 'twilio',
            accountSid: e.TWILIO_ACCOUNT_SID,
            authToken: e.TWILIO_AUTH_TOKEN,
            from: e.TWILIO_FROM,
          }
        : e.PARLEY_MODE === 'production'
          ? null
          : { provider: 'development', authToken: deriveKey(appSecret, 'development-texts').toString('hex') },
    showsDemoAids: e.PARLEY_MODE === 'demo' || e.PARLEY_MODE === 'development' || e.PARLEY_MODE === 'test',
  };
}

/** For command-line scripts: the configuration, or exit 1 printing what is wrong with it. */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
