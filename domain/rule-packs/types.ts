import type { Outcome } from '../outcomes.ts';
import type { ScreeningKind } from '../screening.ts';

/**
 * A rule pack: the data that sets how a program's cases run. Every setting carries the rule it
 * comes from and the date of the version encoded, so a change in the law is a change of data.
 * Where the text was checked, `source` names where it was read and `read` the day; where it could
 * not be confirmed against the official text, `confirmed` is false and `note` says what is open.
 */
export type Checked = {
  /** Where the text was read (an official site, or the copy it was read from). */
  source?: string;
  /** The day it was read (YYYY-MM-DD). */
  read?: string;
  /** false: not confirmed against the current official text; `note` says what is open. */
  confirmed?: false;
  note?: string;
};
export type Cited<T> = { value: T; cite: string; since: string } & Checked;

/** A local rule or a choice a pack does not allow, naming the setting. */
export class PackOverrideError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.field = field;
  }
}

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
/**
 * How days are counted. `calendar`: every day (34 CFR 300.11(a) for special education).
 * `court`: Missouri Supreme Court Rule 44.01(a), a last day on a Saturday, Sunday or Missouri legal
 * holiday (RSMo 9.010) runs to the next court day. `business`: Monday to Friday.
 */
export type DayKind = 'calendar' | 'business' | 'court';
export type DeadlineRule = {
  id: string;
  label: string;
  from: Anchor;
  /** Negative: before the anchor (the last day of a window that closes before a court's date). */
  days: number;
  dayKind: DayKind;
  /** The rule that says how the days are counted, in words a person can look up. */
  counting: string;
  /** Met when this case event happens (a session scheduled, the mediation completed, a denial filed). */
  metBy: string;
  warnDays: number;
  cite: string;
  since: string;
} & Checked;
export type Option = { id: string; label: string };

/** Rule 17.03(b): a written opt-out, filed by counsel in the window before the deadline to begin. */
export type OptOutRule =
  | { allowed: false }
  | {
      allowed: true;
      /** The window is this many days long and ends the day before the deadline to begin. */
      windowDays: number;
      before: Extract<Anchor, 'begin_by'>;
      filedBy: 'counsel';
      /** Counsel must have conferred with their clients, all other attorneys and unrepresented parties. */
      conferralRequired: boolean;
      /** A filed opt-out ends the referral; the court is told; no new referral without compelling circumstances. */
      effect: 'ends_referral';
    };

/**
 * Who decides an application to disqualify the mediator. Rule 88.04(e): an adverse party may deny
 * within 10 days; undenied, the mediator is disqualified; denied, the court decides. Elsewhere the
 * program decides (impartiality: 34 CFR 300.506(c); Model Standards II and III).
 */
export type DisqualificationRule =
  | { kind: 'rule_88_04'; denyWithinDays: number; dayKind: 'court'; decidedBy: 'court' }
  | { kind: 'program_decides'; denyWithinDays: null; decidedBy: 'program' };

/** Whether a confidentiality exception is a duty for every mediator, or only by profession, or a permission. */
export type ExceptionDuty = 'depends_on_profession' | 'may_disclose';
export type ConfidentialityException = {
  id: 'suspected_child_abuse' | 'threat_of_serious_harm';
  /** What the exception covers, in plain words. */
  text: string;
  /** What the mediator may or must do, in plain words, without overstating the duty. */
  duty: ExceptionDuty;
  dutyText: string;
  cite: string;
  since: string;
} & Checked;

/** What a mediator's report to the court may say (a circuit's local rule sets it; the pack sets a default). */
export type CourtReportScope = 'settlement_only' | 'settlement_and_attendance';
export type SignatureMedium = 'ink' | 'electronic';
/** A setting a program chooses from a fixed list, with the pack's default and where it comes from. */
export type Choice<T extends string> = Cited<T> & { options: readonly T[] };

export type RulePack = {
  id: PackId;
  version: string;
  name: string;
  programKind: ProgramKind;
  intake: Cited<IntakeForm>;
  caseTypes: Cited<Option[]>;
  issueTemplates: Cited<Option[]>;
  consent: Cited<Consent>;
  /** Which private screening the parties answer before mediation (domain/screening.ts). */
  screening: Cited<ScreeningKind>;
  optOut: Cited<OptOutRule>;
  cost: Cited<{ kind: 'free_state_pays' | 'per_program' | 'sliding_scale_or_free'; text: string }>;
  attorneysAtSessions: Cited<boolean>;
  /** null: the program decides. */
  companionsPerParty: Cited<number | null>;
  selection: Cited<SelectionMethod[]>;
  roster: Cited<RosterRule>;
  disqualification: Cited<DisqualificationRule>;
  requiredWritings: Cited<('agreement_to_mediate' | 'rule_88_06_disclosures')[]>;
  /** What makes mediation confidential (`statute`, printed in documents) and its exceptions, each cited. */
  confidentiality: Cited<{ statute: string; exceptions: ConfidentialityException[] }>;
  /** Whether the Agreement to Mediate may be signed electronically (the settlement: `choices`). */
  electronicSignatures: Cited<{ agreementToMediate: boolean }>;
  agreementSignedBy: Cited<string>;
  agreementGoesTo: Cited<string>;
  /** The outcomes a case of this pack may close with. */
  outcomes: Cited<readonly Outcome[]>;
  deadlines: DeadlineRule[];
  /** What a requester can do when the other side declines or the case is not suitable. */
  nextSteps: Cited<string[]>;
  /**
   * How long a closed case's records are kept before they are purged (a program may keep them
   * longer or shorter, naming its own schedule): domain/retention.ts.
   */
  retention: Cited<{ closedCaseYears: number }>;
  /** Settings a program may set for itself (local rules). */
  local: {
    minimumHours: Cited<number | null>;
    reportDeadlineDays: Cited<number | null>;
    companionsPerParty?: Cited<number | null>;
    /** Hours of mediation the program gives free before its fees apply (a program's own rule). */
    freeHours?: Cited<number | null>;
  };
  overridable: ('minimumHours' | 'reportDeadlineDays' | 'companionsPerParty' | 'freeHours')[];
  /** Settings a program chooses from a list, each with the pack's default and its citation. */
  choices: {
    /** How the written settlement is signed: ESIGN, Missouri's UETA and the court's practice. */
    settlementSignature: Choice<SignatureMedium>;
    /** What the mediator's report to the court may say, as the circuit's local rule allows. */
    courtReport: Choice<CourtReportScope>;
  };
};

export const cite = <T>(value: T, citation: string, since: string, checked: Checked = {}): Cited<T> => ({
  value,
  cite: citation,
  since,
  ...checked,
});
