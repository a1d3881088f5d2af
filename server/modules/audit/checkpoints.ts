import { appendFile, mkdir, open, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import {
  type Checkpoint,
  checkpointSigned,
  checkpointsInForce,
  type SignedCheckpoint,
  signCheckpoint,
} from '../../../domain/audit-chain.ts';
import { GLOBAL_SCOPE } from '../../../domain/roles.ts';
import type { Config } from '../../config.ts';
import type { Executor } from '../../db/database.ts';
import { DAY, iso, MINUTE } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { defineJob } from '../../jobs/runner.ts';
import { type Actor, authorize, listRoleHolders } from '../access/access.service.ts';
import { queueEmail } from '../mail/mail.service.ts';
import { AUDIT_EMAILS } from './audit.emails.ts';
import { auditHead, auditKey, type VerifyResult, verifyAuditTrail } from './audit.service.ts';

/**
 * Checkpoints: the chain's head (events, hash, time), signed with the audit key and kept outside
 * the database, every few minutes in AUDIT_CHECKPOINTS (a file Parley appends to, or the log)
 * and once a day in an e-mail to every administrator. `npm run audit:verify` checks that the
 * chain still passes through each of them, so removing the newest events and moving the head
 * back, or rewriting the chain, is caught even by someone who can write to the database.
 */

const StoredCheckpoint = z.object({
  events: z.number().int().min(0),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.string(),
  restored: z.literal(true).optional(),
  mac: z.string(),
});

export type CheckpointReading = { checkpoints: Checkpoint[]; problems: string[] };

/**
 * The checkpoints of a file, one JSON object a line (a log's lines are read too: any line holding
 * an `auditCheckpoint` object). A line that is a checkpoint but not signed with this key is a
 * problem: a forged or altered checkpoint.
 */
export function parseCheckpoints(text: string, source: string, key: Buffer): CheckpointReading {
  const written: SignedCheckpoint[] = [];
  const problems: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return;
    }
    const candidate =
      value && typeof value === 'object' && 'auditCheckpoint' in value
        ? (value as { auditCheckpoint: unknown }).auditCheckpoint
        : value;
    const parsed = StoredCheckpoint.safeParse(candidate);
    if (!parsed.success) {
      if (candidate && typeof candidate === 'object' && 'mac' in candidate)
        problems.push(`line ${i + 1} of ${source} is not a readable checkpoint`);
      return;
    }
    const c = parsed.data as SignedCheckpoint;
    if (!checkpointSigned(c, key)) {
      problems.push(`the checkpoint on line ${i + 1} of ${source} is not signed with this APP_SECRET's key`);
      return;
    }
    written.push(c);
  });
  return { checkpoints: checkpointsInForce(written), problems };
}

export async function readCheckpointFile(file: string, key: Buffer): Promise<CheckpointReading> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return { checkpoints: [], problems: [] };
    throw error;
  }
  return parseCheckpoints(text, file, key);
}

/** The checkpoints of the configured file (none when they go to the log). */
export const configuredCheckpoints = (config: Pick<Config, 'auditCheckpoints'>, key: Buffer) =>
  config.auditCheckpoints.sink === 'file'
    ? readCheckpointFile(config.auditCheckpoints.path, key)
    : Promise.resolve({ checkpoints: [], problems: [] });

/** The chain's head now, signed. */
export async function currentCheckpoint(db: Executor, at: Date, restored = false): Promise<SignedCheckpoint> {
  const head = await auditHead(db);
  return signCheckpoint(
    { events: head.seq, hash: head.hash, at: iso(at), ...(restored ? { restored: true } : {}) },
    auditKey(),
  );
}

async function appendLine(file: string, line: string): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await appendFile(file, `${line}\n`, { mode: 0o640 });
  const handle = await open(file, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes the head to AUDIT_CHECKPOINTS: appended to the file (unless its last checkpoint already
 * saw this head), or as a log line. Returns the checkpoint written, or null when none was needed.
 */
export async function writeCheckpoint(
  deps: Pick<Deps, 'db' | 'config' | 'clock'> & { log?: Pick<Deps['log'], 'info'> },
  options: { restored?: boolean } = {},
): Promise<SignedCheckpoint | null> {
  const checkpoint = await currentCheckpoint(deps.db, deps.clock.now(), options.restored);
  const sink = deps.config.auditCheckpoints;
  if (sink.sink === 'log') {
    deps.log?.info({ auditCheckpoint: checkpoint }, 'audit checkpoint');
    return checkpoint;
  }
  if (!options.restored) {
    const { checkpoints } = await readCheckpointFile(sink.path, auditKey());
    const last = checkpoints.at(-1);
    if (last && last.events === checkpoint.events && last.hash === checkpoint.hash) return null;
  }
  await appendLine(sink.path, JSON.stringify(checkpoint));
  return checkpoint;
}

/** The day's checkpoint, written to the sink and e-mailed to every administrator. */
export async function mailCheckpoint(deps: Deps): Promise<void> {
  const checkpoint = (await writeCheckpoint(deps)) ?? (await currentCheckpoint(deps.db, deps.clock.now()));
  const line = JSON.stringify(checkpoint);
  for (const admin of await listRoleHolders(deps.db, GLOBAL_SCOPE, 'admin', { activeOnly: true })) {
    await queueEmail(deps.db, deps, {
      to: admin.email,
      toUserId: admin.id,
      ...AUDIT_EMAILS.checkpoint(admin.name, checkpoint.events, line),
    });
  }
}

export type VerifyReport = VerifyResult & { checkpoints: number; problems: string[] };

/**
 * The chain checked against the configured checkpoints and any other files named (a saved
 * e-mail's line, a copy of the log). A forged checkpoint fails the check like a broken row.
 */
export async function verifyWithCheckpoints(
  deps: Pick<Deps, 'db' | 'config'>,
  files: readonly string[] = [],
): Promise<VerifyReport> {
  const key = auditKey();
  const readings = [await configuredCheckpoints(deps.config, key)];
  for (const file of files) readings.push(await readCheckpointFile(file, key));
  const checkpoints = readings.flatMap((r) => r.checkpoints);
  const problems = readings.flatMap((r) => r.problems);
  const result = await verifyAuditTrail(deps.db, { key, checkpoints });
  return { ...result, checkpoints: checkpoints.length, problems };
}

/** The administrators' check: the chain and the configured checkpoints. */
export async function verifyAuditTrailAs(deps: Deps, actor: Actor | null): Promise<VerifyResult> {
  authorize(actor, 'audit:verify');
  const report = await verifyWithCheckpoints(deps);
  if (report.ok && report.problems.length > 0)
    return { ok: false, brokenAt: 0, reason: report.problems.join('; ') };
  return report.ok
    ? { ok: true, events: report.events }
    : { ok: false, brokenAt: report.brokenAt, reason: report.reason };
}

export const AUDIT_JOBS = [
  defineJob({ kind: 'audit.checkpoint', everyMs: 10 * MINUTE, run: (deps) => writeCheckpoint(deps) }),
  defineJob({ kind: 'audit.checkpoint_mail', everyMs: DAY, run: mailCheckpoint }),
];
