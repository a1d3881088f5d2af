export const AID_KINDS = ['adjusted_winner', 'blind_bidding'] as const;
export type AidKind = (typeof AID_KINDS)[number];

/** A negotiation aid on an issue; what the parties put in is sealed in `state_enc`. */
export interface NegotiationAidsTable {
  id: string;
  case_id: string;
  issue_id: string;
  kind: AidKind;
  state_enc: string;
  points_revealed: number;
  option_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface NegotiationTables {
  negotiation_aids: NegotiationAidsTable;
}
