import { useQuery } from '@tanstack/react-query';
import * as library from '../../contracts/library.ts';
import { call } from './client.ts';

/** Query keys of the forms library. */
export const libraryKeys = {
  all: ['library'] as const,
  forms: () => [...libraryKeys.all, 'forms'] as const,
};

/** The forms in the library, each at its current version. */
export function useForms(enabled = true) {
  return useQuery({ queryKey: libraryKeys.forms(), queryFn: () => call(library.listForms), enabled });
}
