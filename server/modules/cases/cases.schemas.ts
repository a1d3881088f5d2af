/**
 * The case parameters the mediation areas' routes read until those areas move to contracts/;
 * the cases area's own schemas are in contracts/cases.ts.
 */
export { CaseParams } from '../../../contracts/cases.ts';
export { ProgramParams as ProgramCaseParams } from '../../../contracts/programs.ts';
