import { type Cited, PackOverrideError, type RulePack } from './types.ts';

/**
 * Settings a program chooses from its pack's list: how the written settlement is signed, and
 * what the mediator's report to the court may say. Each has the pack's default and citation; a
 * program that picks another option names the rule or practice it follows (its court's practice on
 * electronic signatures, its circuit's local rule on reports).
 */
export type ChoiceKey = keyof RulePack['choices'];
export const CHOICE_KEYS = ['settlementSignature', 'courtReport'] as const satisfies readonly ChoiceKey[];

/** What a program stores for one choice. */
export type ProgramChoice = { value: string; cite: string; since?: string };
export type ProgramChoices = Partial<Record<ChoiceKey, ProgramChoice>>;

type ChoiceValue<K extends ChoiceKey> = RulePack['choices'][K]['value'];
export type ResolvedChoices = { [K in ChoiceKey]: Cited<ChoiceValue<K>> & { local: boolean } };

/** Labels a program sees when it chooses. */
export const CHOICE_LABELS = {
  settlementSignature: {
    label: 'How the written settlement is signed',
    options: { ink: 'In ink on paper', electronic: 'Electronically, or in ink if a party prefers' },
  },
  courtReport: {
    label: "What the mediator's report to the court says",
    options: {
      settlement_only: 'Only whether the dispute was resolved',
      settlement_and_attendance:
        'Whether mediation took place and ended, whether the dispute was resolved, and who attended',
    },
  },
} as const;

/** Checks a program's choices against its pack's options; a choice must name where it comes from. */
export function validateChoices(pack: RulePack, raw: Record<string, unknown>): ProgramChoices {
  const out: ProgramChoices = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!(CHOICE_KEYS as readonly string[]).includes(key)) {
      throw new PackOverrideError(key, `${pack.name} has no setting by this name`);
    }
    const choice = pack.choices[key as ChoiceKey];
    const c = value as Partial<ProgramChoice> | null;
    if (c === null || typeof c !== 'object' || !(choice.options as readonly unknown[]).includes(c.value)) {
      throw new PackOverrideError(key, `choose one of: ${choice.options.join(', ')}`);
    }
    if (typeof c.cite !== 'string' || c.cite.trim().length < 3) {
      throw new PackOverrideError(key, 'name the court rule or practice this follows');
    }
    out[key as ChoiceKey] = {
      value: c.value as string,
      cite: c.cite.trim(),
      ...(c.since ? { since: c.since } : {}),
    };
  }
  return out;
}

/** The pack's choices with the program's own applied (each marked local when the program chose it). */
export function resolveChoices(pack: RulePack, chosen: ProgramChoices = {}): ResolvedChoices {
  const one = <K extends ChoiceKey>(key: K) => {
    const { options: _options, ...base } = pack.choices[key];
    const own = chosen[key];
    return own
      ? { value: own.value as ChoiceValue<K>, cite: own.cite, since: own.since ?? pack.version, local: true }
      : { ...base, local: false };
  };
  return { settlementSignature: one('settlementSignature'), courtReport: one('courtReport') };
}
