import { type ProgramChoices, type ResolvedChoices, resolveChoices } from './choices.ts';
import { civilRule17Pack } from './civil-rule-17.ts';
import { communityPack } from './community.ts';
import { familyRule88Pack } from './family-rule-88.ts';
import { NO_LOCAL } from './shared.ts';
import { specialEducationPack } from './special-education.ts';
import { type Cited, type PackId, PackOverrideError, type RulePack } from './types.ts';

export * from './types.ts';

/** Every pack Parley ships, newest version of each. Adding a pack is adding an entry (and its tests). */
export const RULE_PACKS: readonly RulePack[] = [
  specialEducationPack,
  familyRule88Pack,
  civilRule17Pack,
  communityPack,
];

export const DEFAULT_PACK_FOR_KIND: Record<string, PackId> = {
  special_education: 'mo-dese-special-education',
  family: 'mo-rule-88-family',
  civil: 'mo-rule-17-civil',
  community: 'community-center',
  private: 'community-center',
};

/** The pack a new program of this kind starts from (none for the association). */
export const packForKind = (kind: string): RulePack | undefined => findPack(DEFAULT_PACK_FOR_KIND[kind]);

export function findPack(id: string | null | undefined, version?: string | null): RulePack | undefined {
  return RULE_PACKS.find((p) => p.id === id && (!version || p.version === version));
}

const NO_FREE_HOURS = NO_LOCAL.freeHours;

/** A local rule a program sets on top of its pack, with where it comes from. */
export type LocalOverride = { value: number | null; cite: string; since?: string };
export type ProgramOverrides = Partial<Record<RulePack['overridable'][number], LocalOverride>>;

/** Checks a program's overrides against what its pack allows. */
export function validateOverrides(pack: RulePack, overrides: Record<string, unknown>): ProgramOverrides {
  const out: ProgramOverrides = {};
  for (const [key, raw] of Object.entries(overrides)) {
    if (!(pack.overridable as readonly string[]).includes(key)) {
      throw new PackOverrideError(key, `${pack.name} does not let a program change this`);
    }
    const o = raw as LocalOverride;
    if (
      o === null ||
      typeof o !== 'object' ||
      (o.value !== null && (!Number.isInteger(o.value) || o.value < 0))
    ) {
      throw new PackOverrideError(key, 'must be a whole number of 0 or more, or empty');
    }
    if (typeof o.cite !== 'string' || o.cite.trim().length < 3) {
      throw new PackOverrideError(key, 'name the local rule it comes from');
    }
    out[key as keyof ProgramOverrides] = {
      value: o.value,
      cite: o.cite.trim(),
      ...(o.since ? { since: o.since } : {}),
    };
  }
  return out;
}

export type ResolvedPack = Omit<RulePack, 'electronicSignatures'> & {
  companions: Cited<number | null>;
  minimumHours: Cited<number | null>;
  reportDeadlineDays: Cited<number | null>;
  freeHours: Cited<number | null>;
  /** The program's choices (settlement signature, court report) over the pack's defaults. */
  chosen: ResolvedChoices;
  /**
   * Electronic signing for the Agreement to Mediate (the pack) and the settlement (the program's
   * choice). The citation is the settlement choice's: the Agreement to Mediate is electronic in
   * every pack, so only the settlement is ever refused electronically.
   */
  electronicSignatures: Cited<{ agreementToMediate: boolean; settlement: boolean }>;
};

/**
 * The pack as a program runs it: the pack's settings with the program's local rules and its
 * choices applied.
 */
export function resolvePack(
  pack: RulePack,
  overrides: ProgramOverrides = {},
  choices: ProgramChoices = {},
): ResolvedPack {
  const local = (key: keyof ProgramOverrides, base: Cited<number | null>): Cited<number | null> => {
    const o = overrides[key];
    return o ? { value: o.value, cite: o.cite, since: o.since ?? pack.version } : base;
  };
  const chosen = resolveChoices(pack, choices);
  const { value: signature, local: _local, ...signatureCite } = chosen.settlementSignature;
  return {
    ...pack,
    chosen,
    electronicSignatures: {
      ...signatureCite,
      value: { ...pack.electronicSignatures.value, settlement: signature === 'electronic' },
    },
    companions: local('companionsPerParty', pack.companionsPerParty),
    minimumHours: local('minimumHours', pack.local.minimumHours),
    reportDeadlineDays: local('reportDeadlineDays', pack.local.reportDeadlineDays),
    freeHours: local('freeHours', pack.local.freeHours ?? NO_FREE_HOURS),
  };
}
