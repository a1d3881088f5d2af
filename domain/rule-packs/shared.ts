import { cite } from './types.ts';

// Rules several packs share. "Read" dates are the day the text was checked against its source,
// where the source gives no effective date.
export const READ = '2026-11-21';

export const CONFIDENTIALITY_435_014 = cite(
  {
    statute: 'RSMo 435.014',
    exceptions: ['suspected child abuse or neglect that has not been reported', 'a threat of serious harm'],
  },
  'RSMo 435.014 (a written agreement to mediate is needed for the protection to hold; SB 256 (2025) proposed replacing it with 435.300–435.312)',
  READ,
);

export const NO_LOCAL = {
  minimumHours: cite<number | null>(null, 'no statewide minimum', READ),
  reportDeadlineDays: cite<number | null>(null, 'no statewide report deadline', READ),
  freeHours: cite<number | null>(null, 'no free-hours allowance unless the program sets one', READ),
};
