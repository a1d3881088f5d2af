import { type FormEvent, type ReactNode, useState } from 'react';
import { Button } from './Button.tsx';
import { FieldRow, Select, TextField } from './Field.tsx';

// The filter form of a list page (the work queue, the court's cases, the staff desk's lists): a
// draft of the filters that searching hands on, the list's search box and its choices.

export type ListFilters<K extends string> = Partial<Record<K, string>>;

type SetFilter = (e: { target: { value: string } }) => void;

/** The list's search box. */
export function ListSearch(props: {
  label: string;
  hint: string;
  value?: string | undefined;
  onChange: SetFilter;
  error?: string | undefined;
}) {
  return (
    <TextField
      label={props.label}
      hint={props.hint}
      type="search"
      value={props.value ?? ''}
      onChange={props.onChange}
      error={props.error}
    />
  );
}

/** A filter with a few choices, "Any" first. */
export function ListChoice(props: {
  label: string;
  value?: string | undefined;
  onChange: SetFilter;
  error?: string | undefined;
  /** The words for "any" ("Anyone", "Any kind"); null where the filter always has a value, as a sort does. */
  any?: string | null;
  choices: readonly (readonly [string, string])[];
}) {
  return (
    <Select label={props.label} value={props.value ?? ''} onChange={props.onChange} error={props.error}>
      {props.any === null ? null : <option value="">{props.any ?? 'Any'}</option>}
      {props.choices.map(([value, words]) => (
        <option key={value} value={value}>
          {words}
        </option>
      ))}
    </Select>
  );
}

/** What one filter field takes from the form: its value in the draft, how it changes, its error. */
export type FilterFieldProps = { value: string; onChange: SetFilter; error: string | undefined };

/**
 * The filter form of a list: each field is laid out by `children` with `field(name)` (its value,
 * setter and the server's message for it); submitting searches with the draft.
 */
type FilterFormProps<K extends string> = {
  label: string;
  submit?: string;
  /** The filters the form starts from (a new key starts it afresh) and what searching does with the draft. */
  list: { key?: string; filters: ListFilters<K>; search: (filters: ListFilters<K>) => void };
  error?: (name: string) => string | undefined;
  /** The fields lay out their own rows (FieldRow), for a form with many. */
  rows?: boolean;
  children: (field: (k: K) => FilterFieldProps, draft: ListFilters<K>) => ReactNode;
};

export function ListFilterForm<K extends string>(props: FilterFormProps<K>) {
  return <FilterForm key={props.list.key} {...props} />;
}

function FilterForm<K extends string>({
  label,
  submit = label,
  list,
  error,
  rows,
  children,
}: FilterFormProps<K>) {
  const [draft, setDraft] = useState<ListFilters<K>>(list.filters);
  const field = (k: K): FilterFieldProps => ({
    value: draft[k] ?? '',
    onChange: (e) => setDraft({ ...draft, [k]: e.target.value }),
    error: error?.(k),
  });
  return (
    <form
      className="form queue-filters"
      aria-label={label}
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        list.search(draft);
      }}
    >
      {rows ? children(field, draft) : <FieldRow>{children(field, draft)}</FieldRow>}
      <div className="form-actions">
        <Button type="submit">{submit}</Button>
      </div>
    </form>
  );
}
