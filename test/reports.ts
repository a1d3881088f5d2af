import type { Db } from '../server/db/database.ts';

/**
 * Cases for the reports' tests, written straight into the tables with the dates and answers a
 * test counts by hand: each case's request, state and closing, its sessions, survey answers and
 * promises. A date without a time is 18:00 UTC (noon in Missouri), so a difference of dates is a
 * whole number of days; a full ISO time places a case at an edge on purpose.
 */
export type FigureCase = {
  key: string;
  created: string;
  state: string;
  closed?: string;
  county?: string;
  mediatorId?: string;
  category?: string;
  dueProcess?: 0 | 1;
  sessions?: { on: string; minutes?: number; status?: 'held' | 'cancelled' | 'scheduled' }[];
  /** overall, heard, fair, recommend; null: sent, not answered. */
  surveys?: ([number, number, number, boolean] | null)[];
  promises?: { due: string; state: string; doneOn?: string }[];
};

export const noon = (date: string) => (date.includes('T') ? date : `${date}T18:00:00.000Z`);

export async function insertFigureCases(
  db: Db,
  programId: string,
  cases: FigureCase[],
  sessionMediatorId: string,
): Promise<void> {
  for (const c of cases) {
    const caseId = `case-${programId.slice(-6)}-${c.key}`;
    const created = noon(c.created);
    await db
      .insertInto('cases')
      .values({
        id: caseId,
        reference: `R-${c.key}`,
        program_id: programId,
        rule_pack: 'test',
        rule_pack_version: '1',
        case_type: 'test',
        state: c.state as never,
        title: `Case ${c.key}`,
        mediator_id: c.mediatorId ?? null,
        closed_at: c.closed ? noon(c.closed) : null,
        county: c.county ?? null,
        dispute_category: c.category ?? null,
        due_process_pending: c.dueProcess ?? null,
        created_at: created,
        updated_at: created,
      })
      .execute();
    for (const [i, s] of (c.sessions ?? []).entries()) {
      await db
        .insertInto('case_sessions')
        .values({
          id: `${caseId}-s${i}`,
          case_id: caseId,
          mediator_id: c.mediatorId ?? sessionMediatorId,
          kind: 'joint',
          side: null,
          starts_at: noon(s.on),
          ends_at: noon(s.on),
          minutes: s.minutes ?? 60,
          place: '{"kind":"video","url":"https://meet.example.test/x"}',
          status: s.status ?? 'held',
          created_by: sessionMediatorId,
          created_at: created,
          updated_at: created,
        })
        .execute();
    }
    for (const [i, answers] of (c.surveys ?? []).entries()) {
      await db
        .insertInto('survey_responses')
        .values({
          id: `${caseId}-r${i}`,
          case_id: caseId,
          participant_id: `${caseId}-p${i}`,
          sent_at: noon(c.closed!),
          answered_at: answers ? noon(c.closed!) : null,
          answers: answers
            ? JSON.stringify({
                overall: answers[0],
                heard: answers[1],
                fair: answers[2],
                recommend: answers[3],
                comment: 'Words never counted',
              })
            : null,
        })
        .execute();
    }
    for (const [i, p] of (c.promises ?? []).entries()) {
      await db
        .insertInto('compliance_milestones')
        .values({
          id: `${caseId}-m${i}`,
          case_id: caseId,
          program_id: programId,
          agreement_document_id: `${caseId}-doc`,
          position: i,
          what: 'A promise',
          responsible_text: 'The district',
          responsible_side: 'respondent',
          due: '{}',
          signed_on: '2026-01-25',
          due_date: p.due,
          evidence_expected: '',
          state: p.state as never,
          done_on: p.doneOn ?? null,
          done_by_side: null,
          created_at: created,
          updated_at: created,
        })
        .execute();
    }
  }
}

/** Rows of a CSV file (RFC 4180: quoted fields, doubled quotes), each keyed by the header's names. */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endField();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endField();
      rows.push(row);
      row = [];
    } else field += ch;
  }
  if (field || row.length) rows.push([...row, field]);
  const [header = [], ...body] = rows;
  return body.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ''])));
}
