import { useQuery } from '@tanstack/react-query';
import * as programs from '../../contracts/programs.ts';
import { call } from './client.ts';

/** Query keys of the programs area. */
export const programKeys = {
  all: ['programs'] as const,
  list: () => [...programKeys.all, 'list'] as const,
  detail: (programId: string) => [...programKeys.all, 'detail', programId] as const,
  rules: (programId: string) => [...programKeys.all, 'rules', programId] as const,
};

/** Every program, for lists and choices. */
export function usePrograms() {
  return useQuery({ queryKey: programKeys.list(), queryFn: () => call(programs.listPrograms) });
}

export function useProgram(programId: string) {
  return useQuery({
    queryKey: programKeys.detail(programId),
    queryFn: () => call(programs.getProgram, { params: { programId } }),
  });
}

/** The rules a program runs by, in plain words with citations. */
export function useProgramRules(programId: string) {
  return useQuery({
    queryKey: programKeys.rules(programId),
    queryFn: () => call(programs.getProgramRules, { params: { programId } }),
  });
}
