import type { FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { SearchRequest, SearchResult } from '../../../contracts/directory.ts';
import { FEE_TYPES, LANGUAGE_CODES, PRACTICE_AREAS, SEARCH_SORTS } from '../../../domain/directory-search.ts';
import { ROSTERS } from '../../../domain/eligibility.ts';
import { errorMessage } from '../../api/client.ts';
import { useCounties, useDirectorySearch } from '../../api/directory.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Select } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import './directory.css';
import { areaLabel, feeLabel, feesText, languageLabel, oneOf, ROSTER_SHORT, rosterLabel } from './labels.ts';

const FIELDS = [
  'q',
  'area',
  'county',
  'language',
  'roster',
  'fee',
  'mode',
  'accepting',
  'sort',
  'near',
] as const;

/**
 * The search a page address asks for. Choices the lists do not hold are left out (the form shows
 * "Any" for them too); the server checks the rest.
 */
function searchOf(params: URLSearchParams): SearchRequest {
  const text = (key: string) => params.get(key) || undefined;
  const pick = <T extends string>(key: string, list: readonly T[]) => {
    const value = params.get(key);
    return oneOf(list)(value) ? value : undefined;
  };
  return {
    q: text('q'),
    area: pick('area', PRACTICE_AREAS),
    county: text('county'),
    language: pick('language', LANGUAGE_CODES),
    roster: pick('roster', ROSTERS),
    fee: pick('fee', FEE_TYPES),
    mode: pick('mode', ['remote', 'in_person'] as const),
    accepting: pick('accepting', ['true', 'false'] as const),
    sort: pick('sort', SEARCH_SORTS),
    near: text('near'),
  };
}

/**
 * /find-a-mediator: the public directory. The form writes its choices into the page's address,
 * and the results are read from the address, so a search can be shared, bookmarked or reloaded.
 */
export function FindMediatorPage() {
  const [params, setParams] = useSearchParams();
  const counties = useCounties();
  const results = useDirectorySearch(searchOf(params));
  const search = new URLSearchParams();
  for (const key of FIELDS) {
    const value = params.get(key);
    if (value) search.set(key, value);
  }
  const queryString = search.toString();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const key of FIELDS) {
      const value = form.get(key);
      if (typeof value === 'string' && value.trim() !== '') next.set(key, value.trim());
    }
    if (next.get('sort') !== 'distance') next.delete('near');
    setParams(next);
  }

  const countyOptions = (counties.data ?? []).map((c): Option => [c.fips, c.name]);
  const found = results.data?.pages.flatMap((p) => p.results) ?? [];
  const sort = params.get('sort') ?? 'relevance';
  return (
    <Page
      title="Find a mediator"
      lead="Mediators across Missouri: what kinds of cases they help with, where they work, their languages and fees. Missouri does not certify mediators; each profile shows which court lists the mediator’s training qualifies for."
      wide
    >
      <form
        className="directory-search"
        onSubmit={submit}
        aria-label="Search the directory"
        key={queryString}
      >
        <div className="field directory-words">
          <label htmlFor="directory-q">Words to look for</label>
          <p className="field-hint" id="directory-q-hint">
            A name, a language or a kind of case, for example “custody” or “Spanish”.
          </p>
          <input
            id="directory-q"
            name="q"
            type="search"
            defaultValue={params.get('q') ?? ''}
            aria-describedby="directory-q-hint"
          />
        </div>
        <div className="directory-filters">
          {filters(countyOptions).map((f) => (
            <FilterSelect key={f.name} {...f} value={params.get(f.name)} />
          ))}
        </div>
        <div className="field field-check">
          <input
            id="directory-accepting"
            type="checkbox"
            name="accepting"
            value="true"
            defaultChecked={params.get('accepting') === 'true'}
          />
          <label htmlFor="directory-accepting">Only mediators taking new cases</label>
        </div>
        <div className="form-actions">
          <Button type="submit">Search</Button>
          {queryString ? (
            <Link to="/find-a-mediator" className="button button-secondary">
              Clear the search
            </Link>
          ) : null}
        </div>
      </form>

      <section aria-labelledby="directory-results">
        <h2 id="directory-results">Mediators</h2>
        {results.isPending ? <Loading what="Looking for mediators" /> : null}
        {results.isError ? <Alert tone="error">{errorMessage(results.error)}</Alert> : null}
        {results.isSuccess ? (
          <p role="status" className="muted">
            {found.length === 0
              ? 'No mediator matches all of these choices. Try removing one.'
              : `Showing ${found.length} ${found.length === 1 ? 'mediator' : 'mediators'}${results.hasNextPage ? '; there are more' : ''}.`}
          </p>
        ) : null}
        <ul className="directory-results">
          {found.map((m) => (
            <ResultCard key={m.id} mediator={m} nearest={sort === 'distance'} />
          ))}
        </ul>
        {results.hasNextPage ? (
          <Button
            variant="secondary"
            onClick={() => results.fetchNextPage()}
            busy={results.isFetchingNextPage}
            busyLabel="Loading more…"
          >
            More results
          </Button>
        ) : null}
      </section>
    </Page>
  );
}

type Option = [value: string, text: string];
type Filter = { name: string; label: string; options: Option[]; anyLabel?: string };

/** The form's drop-down filters, each an address field with its choices. */
const filters = (counties: Option[]): Filter[] => [
  { name: 'area', label: 'Kind of case', options: PRACTICE_AREAS.map((a) => [a, areaLabel(a)]) },
  { name: 'county', label: 'Serves this county', options: counties },
  { name: 'language', label: 'Language', options: LANGUAGE_CODES.map((l) => [l, languageLabel(l)]) },
  { name: 'roster', label: 'Qualified for', options: ROSTERS.map((r) => [r, rosterLabel(r)]) },
  { name: 'fee', label: 'Fees', options: FEE_TYPES.map((f) => [f, feeLabel(f)]) },
  {
    name: 'mode',
    label: 'Meets',
    options: [
      ['remote', 'By video or phone'],
      ['in_person', 'In person'],
    ],
  },
  {
    name: 'sort',
    label: 'Order',
    anyLabel: 'Best match',
    options: [
      ['name', 'By name'],
      ['distance', 'Nearest first'],
    ],
  },
  {
    name: 'near',
    label: 'Nearest to (for “Nearest first”)',
    anyLabel: 'The county above',
    options: counties,
  },
];

function FilterSelect({ name, label, value, options, anyLabel = 'Any' }: Filter & { value: string | null }) {
  return (
    <Select label={label} name={name} defaultValue={value ?? ''}>
      <option value="">{anyLabel}</option>
      {options.map(([v, text]) => (
        <option key={v} value={v}>
          {text}
        </option>
      ))}
    </Select>
  );
}

function ResultCard({ mediator: m, nearest }: { mediator: SearchResult; nearest: boolean }) {
  const where = m.statewide
    ? 'Serves all of Missouri'
    : `Serves ${m.counties.slice(0, 4).join(', ')}${m.counties.length > 4 ? ` and ${m.counties.length - 4} more counties` : ''}`;
  return (
    <li className="card directory-card">
      {m.photoUrl ? <img src={m.photoUrl} alt="" className="directory-photo" width={72} height={72} /> : null}
      <div>
        <h3>
          <Link to={`/mediators/${m.id}`}>{m.name}</Link>
        </h3>
        {m.practiceName ? <p className="directory-practice">{m.practiceName}</p> : null}
        <p>{m.areas.map(areaLabel).join(' · ')}</p>
        <p>
          {where}
          {nearest && m.milesAway !== null && !m.statewide ? ` (about ${m.milesAway} miles away)` : ''}.{' '}
          {[m.inPerson ? 'In person' : null, m.remote ? 'by video or phone' : null]
            .filter(Boolean)
            .join(' or ')}
          .
        </p>
        <p>
          Speaks {m.languages.map(languageLabel).join(', ')}. Fees: {feesText(m)}.
        </p>
        <p className={m.acceptingCases ? 'tag tag-ok' : 'tag'}>
          {m.acceptingCases ? 'Taking new cases' : 'Not taking new cases now'}
        </p>
        {m.rosters.length ? (
          <ul className="directory-rosters" aria-label="Meets the requirements of">
            {m.rosters.map((r) => (
              <li key={r}>{ROSTER_SHORT[r] ?? r}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </li>
  );
}
