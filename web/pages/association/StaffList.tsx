import { type ReactNode, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { Button } from '../../components/Button.tsx';
import { DownloadLink } from '../../components/DownloadLink.tsx';
import { TextField } from '../../components/Field.tsx';
import {
  ListChoice,
  ListFilterForm,
  type ListFilters,
  ListSearch,
} from '../../components/ListFilterForm.tsx';
import { Loading } from '../../components/Loading.tsx';
import { TableHead } from '../../components/TableHead.tsx';
import { ErrorAlert } from '../mediation/shared.tsx';

// What every staff list's page shares (members, dues, payments, sign-ups, job listings, forms, events): its
// search and filters kept in the page's address (so the address reproduces the search), a form
// that changes them, the "download as CSV" link for the same rows, and previous and next pages.

/** The list's filters and page read from the address, and how to change them. */
export function useListParams<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(
    keys.flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : [])),
  ) as ListFilters<K>;
  const after = params.get('after') ?? undefined;
  const [trail, setTrail] = useState<string[]>([]);
  const show = (next: ListFilters<K>, cursor?: string) => {
    const clean = Object.fromEntries(Object.entries(next).filter(([, v]) => v)) as Record<string, string>;
    setParams(cursor ? { ...clean, after: cursor } : clean);
  };
  return {
    filters,
    /** The query for the list's API: the filters and the page. */
    query: { ...filters, ...(after ? { after } : {}) },
    /** A key that changes with the search, to start the filter form afresh. */
    key: params.toString(),
    search: (next: ListFilters<K>) => {
      setTrail([]);
      show(next);
    },
    previous: trail.length
      ? () => {
          const cursor = trail.at(-1);
          setTrail(trail.slice(0, -1));
          show(filters, cursor || undefined);
        }
      : null,
    next: (cursor: string) => {
      setTrail([...trail, after ?? '']);
      show(filters, cursor);
    },
  };
}

/** A staff list: its filters from the address, its rows read with them, and its filters' errors. */
export function useStaffList<K extends string, Q, R extends { error: unknown }>(
  keys: readonly K[],
  read: (query: Q) => R,
) {
  const list = useListParams(keys);
  const result = read(list.query as Q);
  return { list, result, error: filterError(result.error) };
}

/** The message a field's filter got from the server (400 naming it), for beside the field. */
export const filterError = (error: unknown) => (name: string) =>
  error instanceof ApiError ? error.field(name) : undefined;

/** The CSV of the rows the search finds. */
export function CsvLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <p className="queue-links">
      <DownloadLink href={href}>{children}</DownloadLink>
    </p>
  );
}

/** What a list's read answers: a page of rows and the cursor of the next, once loaded. */
type Found<R> = {
  isPending: boolean;
  error: unknown;
  data?: { rows: R[]; next: string | null } | undefined;
};

/** Rows with an `id` are keyed by it; others name their key (a member by `userId`). */
type RowKey<R> = { rowKey: (r: R) => string } | (R extends { id: string } ? { rowKey?: undefined } : never);

/**
 * Below a staff list's filters: the CSV of what the search finds, the rows found (or that none
 * match) in a table, and the pages. Its words come from what the list holds: "listings" reads
 * "Download these listings (CSV)", "Loading listings", "No listings match." and "Listings found".
 */
export function FoundRows<R>({
  what,
  csv,
  download = `Download these ${what} (CSV)`,
  list,
  result,
  columns,
  row,
  rowKey = (r) => (r as { id: string }).id,
}: {
  what: string;
  /** The address of the CSV of the same search. */
  csv: string;
  /** The CSV link's words, where they are not "Download these <what> (CSV)". */
  download?: string;
  list: { previous: (() => void) | null; next: (cursor: string) => void };
  result: Found<R>;
  columns: readonly string[];
  /** A row's cells, in the order of the columns. */
  row: (r: R) => ReactNode;
} & RowKey<R>) {
  const rows = result.data?.rows;
  return (
    <>
      <CsvLink href={csv}>{download}</CsvLink>
      {result.isPending ? <Loading what={`Loading ${what}`} /> : null}
      <ErrorAlert error={result.error} />
      {rows?.length === 0 ? <p>No {what} match.</p> : null}
      {rows?.length ? (
        <ListTable label={`${what.charAt(0).toUpperCase()}${what.slice(1)} found`}>
          <TableHead columns={columns} />
          <tbody>
            {rows.map((r) => (
              <tr key={rowKey(r)}>{row(r)}</tr>
            ))}
          </tbody>
        </ListTable>
      ) : null}
      <ListPages previous={list.previous} next={result.data?.next} onNext={list.next} />
    </>
  );
}

/** Previous and next page. */
export function ListPages({
  previous,
  next,
  onNext,
}: {
  previous: (() => void) | null;
  next: string | null | undefined;
  onNext: (cursor: string) => void;
}) {
  if (!previous && !next) return null;
  return (
    <nav aria-label="Pages" className="button-row">
      {previous ? (
        <Button variant="secondary" onClick={previous}>
          Previous page
        </Button>
      ) : null}
      {next ? (
        <Button variant="secondary" onClick={() => onNext(next)}>
          Next page
        </Button>
      ) : null}
    </nav>
  );
}

/** A table wider than a phone, scrolled sideways (by keyboard too). */
export function ListTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than a phone scrolls by keyboard too
    <section className="assoc-scroll" tabIndex={0} aria-label={label}>
      <table className="assoc-table">{children}</table>
    </section>
  );
}

type DatedKey = 'q' | 'from' | 'to';

/** A choice's values each with its words, for SearchChoiceDates: `labelled(JOB_STATES, JOB_STATE_LABELS)`. */
export const labelled = <V extends string>(values: readonly V[], words: Record<V, string>) =>
  values.map((v) => [v, words[v]] as const);

/** The words and choices of SearchChoiceDates' form. */
type FilterWords<K extends string> = {
  /** "sign-ups": the form is "Find sign-ups". */
  what: string;
  search: { label: string; hint: string };
  /** The choices (a state, a kind), each "Any" or one of its values. */
  choices: readonly { key: K; label: string; values: readonly (readonly [string, string])[] }[];
  /** "Signed up": the dates read "Signed up from" and "Signed up until". */
  days: string;
};

/**
 * The filters most staff lists take: the search, a choice or two (a state, a kind) and the days
 * between two dates ("Posted from", "Posted until").
 */
export function SearchChoiceDates<K extends string>({
  list,
  error,
  what,
  search,
  choices,
  days,
}: {
  list: ReturnType<typeof useListParams<K | DatedKey>>;
  error: (name: string) => string | undefined;
} & FilterWords<K>) {
  return (
    <ListFilterForm label={`Find ${what}`} list={list} error={error}>
      {(field) => (
        <>
          <ListSearch {...search} {...field('q')} />
          {choices.map((c) => (
            <ListChoice key={c.key} label={c.label} choices={c.values} {...field(c.key)} />
          ))}
          {(['from', 'to'] as const).map((k) => (
            <TextField
              key={k}
              label={`${days} ${k === 'from' ? 'from' : 'until'}`}
              type="date"
              {...field(k)}
            />
          ))}
        </>
      )}
    </ListFilterForm>
  );
}

/**
 * A staff list on a panel of its own (forms, job listings, sign-ups, events): its heading and any
 * words beneath it, the usual filters (SearchChoiceDates) kept in the address, and the rows found
 * (FoundRows), its CSV made from the same filters.
 */
export function StaffListPanel<K extends string, Q, R extends { id: string }>({
  id,
  title,
  children,
  filters,
  read,
  csv,
  columns,
  row,
  ...words
}: {
  /** The heading's id, which names the panel. */
  id: string;
  title: string;
  children?: ReactNode;
  filters: readonly (K | DatedKey)[];
  /** The list's read, given the filters and page as its query. */
  read: (query: Q) => Found<R>;
  /** The address of the CSV of the rows the filters find. */
  csv: (filters: ListFilters<K | DatedKey>) => string;
  columns: readonly string[];
  row: (r: R) => ReactNode;
} & FilterWords<K>) {
  const { list, result, error } = useStaffList(filters, read);
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
      <SearchChoiceDates list={list} error={error} {...words} />
      <FoundRows
        what={words.what}
        csv={csv(list.filters)}
        list={list}
        result={result}
        columns={columns}
        row={row}
        rowKey={(r) => r.id}
      />
    </section>
  );
}
