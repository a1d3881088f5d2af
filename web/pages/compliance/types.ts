/** The shapes the compliance API returns (server/modules/compliance). */
export type Milestone = {
  id: string;
  position: number;
  what: string;
  responsibleText: string;
  responsibleSide: 'requester' | 'respondent' | 'both';
  responsibleLabel: string;
  dueWords: string;
  dueDate: string;
  evidenceExpected: string;
  state: 'pending' | 'done' | 'confirmed' | 'disputed' | 'missed' | 'waived';
  stateWords: string;
  overdue: boolean;
  doneOn: string | null;
  can: { markDone: boolean; confirm: boolean; dispute: boolean; waive: boolean; correct: boolean };
  log: {
    id: string;
    kind: string;
    by: string;
    onDate: string | null;
    note: string;
    changes: Record<string, { from: unknown; to: unknown }>;
    at: string;
  }[];
  evidence: { fileId: string; filename: string; contentType: string; size: number; addedAt: string }[];
};

export type Compliance = {
  caseId: string;
  reference: string;
  today: string;
  signedOn: string | null;
  milestones: Milestone[];
  reminders: {
    id: string;
    milestoneId: string;
    what: string;
    kind: 'before' | 'due_today' | 'overdue';
    dueDate: string;
    sentAt: string;
    to: { name: string; role: string }[];
  }[];
  packetAvailable: boolean;
};

export const complianceKey = (caseId: string) => ['compliance', caseId];

/** Reads a file the person chose as base64, for the JSON upload the API takes. */
export async function fileAsBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
