import * as programs from '../../contracts/programs.ts';
import { useRead } from './query.ts';

/** Query keys of the programs area. */
export const programKeys = {
  all: ['programs'] as const,
  list: () => [...programKeys.all, 'list'] as const,
  detail: (programId: string) => [...programKeys.all, 'detail', programId] as const,
  rules: (programId: string) => [...programKeys.all, 'rules', programId] as const,
  districts: (programId: string) => [...programKeys.all, 'districts', programId] as const,
  roster: (programId: string) => [...programKeys.all, 'roster', programId] as const,
};

/** Every program, for lists and choices (read only when `enabled`). */
export function usePrograms(enabled = true) {
  return useRead(programKeys.list(), programs.listPrograms, undefined, { enabled });
}

export function useProgram(programId: string) {
  return useRead(programKeys.detail(programId), programs.getProgram, { params: { programId } });
}

/** The rules a program runs by, in plain words with citations. */
export function useProgramRules(programId: string) {
  return useRead(programKeys.rules(programId), programs.getProgramRules, { params: { programId } });
}

/** A special-education program's school districts (`enabled` for such a program only). */
export function useDistricts(programId: string, enabled = true) {
  return useRead(
    programKeys.districts(programId),
    programs.listDistricts,
    { params: { programId } },
    { enabled },
  );
}

/** The program's mediators, whether each may be appointed now and why not, and open invitations (coordinators). */
export function useProgramRoster(programId: string) {
  return useRead(programKeys.roster(programId), programs.getProgramRoster, { params: { programId } });
}
