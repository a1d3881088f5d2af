/**
 * A rule pack: the data that sets how a program's cases run. Every setting carries the rule it
 * comes from and the date of the version encoded, so a change in the law is a change of data.
 */
export type Cited<T> = { value: T; cite: string; since: string };

export type PackId =
  | 'mo-dese-special-education'
  | 'mo-rule-88-family'
  | 'mo-rule-17-civil'
  | 'community-center';
export type ProgramKind = 'special_education' | 'family' | 'civil' | 'community';
export type IntakeForm = 'special_education' | 'court_referral' | 'community';
export type Consent = 'both_must_agree' | 'court_ordered' | 'court_referred_opt_out' | 'voluntary';
export type SelectionMethod = 'joint_choice' | 'rotation' | 'appointment';
export type RosterRule =
  | { kind: 'directory'; roster: 'rule17' | 'rule88' | 'special_education'; excludeAgency: string | null }
  | { kind: 'program' };
/** When a deadline starts counting. */
export type Anchor = 'consented' | 'mediator_chosen' | 'disqualification_requested' | 'begin_by';
export type DeadlineRule = {
  id: string;
  label: string;
  from: Anchor;
  /** Negative: before the anchor (an opt-out that must come 30 days before the deadline to begin). */
  days: number;
  dayKind: 'calendar' | 'business';
  /** Met when this case event happens (a session held, the mediation completed, a denial filed). */
  metBy: string;
  warnDays: number;
  cite: string;
  since: string;
};
export type Option = { id: string; label: string };

export type RulePack = {
  id: PackId;
  version: string;
  name: string;
  programKind: ProgramKind;
  intake: Cited<IntakeForm>;
  caseTypes: Cited<Option[]>;
  issueTemplates: Cited<Option[]>;
  consent: Cited<Consent>;
  /** Days to file a written opt-out; null when the pack allows none. */
  optOut: Cited<{ allowed: boolean }>;
  cost: Cited<{ kind: 'free_state_pays' | 'per_program' | 'sliding_scale_or_free'; text: string }>;
  attorneysAtSessions: Cited<boolean>;
  /** null: the program decides. */
  companionsPerParty: Cited<number | null>;
  selection: Cited<SelectionMethod[]>;
  roster: Cited<RosterRule>;
  /** A party may ask to disqualify the mediator; the other party may deny within these days. */
  disqualification: Cited<{ denyWithinDays: number | null }>;
  requiredWritings: Cited<('agreement_to_mediate' | 'rule_88_06_disclosures')[]>;
  confidentiality: Cited<{ statute: string; exceptions: string[] }>;
  /** Whether electronic signatures may be used for the Agreement to Mediate and the settlement. */
  electronicSignatures: Cited<{ agreementToMediate: boolean; settlement: boolean }>;
  agreementSignedBy: Cited<string>;
  agreementGoesTo: Cited<string>;
  deadlines: DeadlineRule[];
  /** What a requester can do when the other side declines or the case is not suitable. */
  nextSteps: Cited<string[]>;
  /** Settings a program may set for itself (local rules). */
  local: {
    minimumHours: Cited<number | null>;
    reportDeadlineDays: Cited<number | null>;
    companionsPerParty?: Cited<number | null>;
    /** Hours of mediation the program gives free before its fees apply (a program's own rule). */
    freeHours?: Cited<number | null>;
  };
  overridable: ('minimumHours' | 'reportDeadlineDays' | 'companionsPerParty' | 'freeHours')[];
};

export const cite = <T>(value: T, citation: string, since: string): Cited<T> => ({
  value,
  cite: citation,
  since,
});
