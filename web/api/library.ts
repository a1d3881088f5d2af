import * as library from '../../contracts/library.ts';
import { useRead } from './query.ts';

/** Query keys of the forms library. */
export const libraryKeys = {
  all: ['library'] as const,
  forms: () => [...libraryKeys.all, 'forms'] as const,
};

/** The forms in the library, each at its current version. */
export function useForms(enabled = true) {
  return useRead(libraryKeys.forms(), library.listForms, undefined, { enabled });
}

/** Every form, searched and filtered, a page at a time (staff); refreshed with the library. */
export function useLibraryForms(query: library.LibraryFormsQuery) {
  return useRead([...libraryKeys.forms(), 'staff', query], library.listLibraryForms, { query });
}
