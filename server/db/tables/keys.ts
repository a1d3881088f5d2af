/** Master keys on record: a fingerprint of each (never the key) and whether it was retired. */
export interface MasterKeysTable {
  id: string;
  fingerprint: string;
  state: 'active' | 'retired';
  first_used_at: string;
  retired_at: string | null;
}

export interface KeysTables {
  master_keys: MasterKeysTable;
}
