import type { Generated } from 'kysely';

/** A person's mobile number for text messages: confirmed by a code, opted in, or stopped. */
export interface MobileNumbersTable {
  user_id: string;
  /** International form: +15735550142. */
  phone: string;
  confirmed_at: string | null;
  opted_in: Generated<0 | 1>;
  code_hash: string | null;
  code_expires_at: string | null;
  code_attempts: Generated<number>;
  stopped_at: string | null;
  updated_at: string;
}

export type TextStatus = 'queued' | 'sent' | 'failed' | 'held' | 'stopped';

/** Every text Parley sends, like the e-mail outbox. */
export interface OutboxTextsTable {
  id: string;
  to_phone: string;
  to_user_id: string | null;
  template: string;
  body: string;
  case_id: string | null;
  status: TextStatus;
  attempts: Generated<number>;
  last_error: string | null;
  provider_id: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface SmsTables {
  mobile_numbers: MobileNumbersTable;
  outbox_texts: OutboxTextsTable;
}
