import type { Side } from '../../../domain/attendance.ts';
import type { ComplianceDue, MilestoneEventKind, MilestoneState } from '../../../domain/compliance.ts';
import type { DocumentWords } from '../../../domain/document-words.ts';
import { DEFAULT_LANGUAGE } from '../../../domain/languages.ts';
import { missouriDate } from '../../../domain/missouri-time.ts';
import type { ResolvedPack } from '../../../domain/rule-packs/index.ts';
import { documentWords } from '../../../i18n/document-words.ts';
import type { Executor, Tx } from '../../db/database.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { type ParticipantRow, parties } from '../cases/case-access.ts';
import { describeFiles } from '../files/files.service.ts';
import * as repo from './compliance.repository.ts';

/**
 * One entry in a milestone's log and its audit event, written together. The log keeps the words
 * (a note, the reason for a dispute) because they are what happened after the agreement; the
 * audit event keeps only ids, states and field names.
 */
export type LogEntry = {
  milestone: repo.MilestoneRow;
  kind: MilestoneEventKind;
  to?: MilestoneState;
  actor: { id: string | null; name: string; side: Side | null };
  onDate?: string | null;
  note?: string;
  changes?: Record<string, { from: unknown; to: unknown }>;
};

export async function logMilestone(tx: Tx, deps: Deps, entry: LogEntry): Promise<string> {
  const id = newId();
  const m = entry.milestone;
  await repo.insertEvent(tx, {
    id,
    milestone_id: m.id,
    case_id: m.case_id,
    kind: entry.kind,
    from_state: entry.kind === 'created' ? null : m.state,
    to_state: entry.to ?? m.state,
    actor_id: entry.actor.id,
    actor_name: entry.actor.name,
    actor_side: entry.actor.side,
    on_date: entry.onDate ?? null,
    note: entry.note ?? '',
    changes: entry.changes ?? {},
    occurred_at: iso(deps.clock.now()),
  });
  await recordAudit(tx, {
    kind: `compliance.milestone_${entry.kind}`,
    at: deps.clock.now(),
    actorId: entry.actor.id,
    programId: m.program_id,
    caseId: m.case_id,
    subjectType: 'compliance_milestone',
    subjectId: m.id,
    data: {
      from: entry.kind === 'created' ? null : m.state,
      to: entry.to ?? m.state,
      ...(entry.changes ? { fields: Object.keys(entry.changes) } : {}),
    },
  });
  return id;
}

export const PARLEY = { id: null, name: 'Parley (automatic check)', side: null };

/** A case's evidence index: each file's facts (name, type, size, fingerprint), never its bytes. */
export async function evidenceIndex(db: Executor, caseId: string) {
  const rows = await repo.listEvidence(db, caseId);
  const files = await describeFiles(
    db,
    rows.map((r) => r.file_id),
  );
  return rows.flatMap((r) => {
    const f = files.get(r.file_id);
    return f
      ? [{ ...r, filename: f.filename, content_type: f.contentType, size: f.size, sha256: f.sha256 }]
      : [];
  });
}
export type EvidenceEntry = Awaited<ReturnType<typeof evidenceIndex>>[number];

/** Today's Missouri calendar date by the app's clock. */
export const today = (deps: Pick<Deps, 'clock'>) => missouriDate(deps.clock.now());

/**
 * "Riverside R-IV School District", "Rosa Lopez", "Both sides": who a side is, in words — in the
 * documents' words of a reader's language (English unless handed others).
 */
export function sideLabel(
  ctx: { participants: ParticipantRow[]; pack: ResolvedPack },
  side: string,
  words: DocumentWords = documentWords(DEFAULT_LANGUAGE),
): string {
  const { t } = words;
  if (side === 'both') return t('packet.side.both');
  const people = parties(ctx).filter((p) => p.side === side);
  const names = [...new Set(people.map((p) => p.organization || p.name))];
  if (names.length) return words.list(names);
  if (ctx.pack.programKind === 'special_education')
    return t(side === 'respondent' ? 'packet.side.district' : 'packet.side.parent');
  return t(side === 'requester' ? 'packet.side.requester' : 'packet.side.respondent');
}

/** "within 30 days after everyone signed", "on a set date": when a promise falls due, in `words`' language. */
export function dueInWords(
  due: ComplianceDue,
  { t }: DocumentWords = documentWords(DEFAULT_LANGUAGE),
): string {
  return t('packet.counted', {
    kind: due.kind,
    n: due.kind === 'days_after_signing' ? due.days : due.kind === 'months_after_signing' ? due.months : 0,
  });
}
