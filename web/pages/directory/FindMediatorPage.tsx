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

const FIELDS = ['q', 'place', 'county', 'fee', 'mode', 'accepting', 'sort', 'near'] as const;
/** Filters a visitor may choose several values of: each chosen one is required. */
const MANY = ['area', 'language', 'roster'] as const;

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
  const many = <T extends string>(key: string, list: readonly T[]) => {
    const values = params.getAll(key).filter(oneOf(list));
    return values.length ? values : undefined;
  };
  return {
    q: text('q'),
    place: text('place'),
    area: many('area', PRACTICE_AREAS),
    county: text('county'),
    language: many('language', LANGUAGE_CODES),
    roster: many('roster', ROSTERS),
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
  for (const key of MANY) for (const value of params.getAll(key)) search.append(key, value);
  const queryString = search.toString();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const key of FIELDS) {
      const value = form.get(key);
      if (typeof value === 'string' && value.trim() !== '') next.set(key, value.trim());
    }
    for (const key of MANY) for (const value of form.getAll(key)) next.append(key, String(value));
    if (next.get('sort') !== 'distance') next.delete('near');
    setParams(next);
  }

  const countyOptions = (counties.data ?? []).map((c): Option => [c.fips, c.name]);
  const found = results.data?.pages.flatMap((p) => p.results) ?? [];
  const first = results.data?.pages[0];
  const total = first ? first.total : null;
  const place = first?.place ?? null;
  const sort = place ? 'distance' : (params.get('sort') ?? 'relevance');
  const chosen =
    MANY.reduce((n, key) => n + params.getAll(key).length, 0) +
    ['county', 'fee', 'mode', 'accepting'].filter((key) => params.get(key)).length;
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
        <div className="directory-top">
          <SearchBox
            name="q"
            type="search"
            label="Words to look for"
            hint="A name, a language or a kind of case, for example “custody” or “Spanish”. Small spelling mistakes are fine."
            value={params.get('q')}
          />
          <SearchBox
            name="place"
            type="text"
            label="Near (a Missouri town or ZIP code)"
            hint="For example “Springfield” or “65806”. Mediators serving it come first, then the nearest."
            value={params.get('place')}
          />
          <div className="form-actions">
            <Button type="submit">Search</Button>
          </div>
        </div>
        <details className="directory-filter-panel" open={chosen > 0 || wideScreen()}>
          <summary>
            More choices{chosen ? ` (${chosen} chosen)` : ''}
            {total !== null
              ? ` · ${total === 1 ? '1 mediator' : `${total.toLocaleString('en-US')} mediators`}`
              : ''}
          </summary>
          <div className="directory-filters">
            {filters(countyOptions).map((f) => (
              <FilterSelect key={f.name} {...f} value={params.get(f.name)} />
            ))}
          </div>
          <div className="directory-many">
            <ManyChoice
              legend="Kind of case"
              name="area"
              options={PRACTICE_AREAS.map((a) => [a, areaLabel(a)])}
              chosen={params.getAll('area')}
            />
            <ManyChoice
              legend="Languages"
              hint="Check every language the people taking part speak: the mediator speaks all of them."
              name="language"
              options={LANGUAGE_CODES.map((l) => [l, languageLabel(l)])}
              chosen={params.getAll('language')}
            />
            <ManyChoice
              legend="Qualified for"
              name="roster"
              options={ROSTERS.map((r) => [r, rosterLabel(r)])}
              chosen={params.getAll('roster')}
            />
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
            <Button type="submit">Search with these choices</Button>
            {queryString ? (
              <Link to="/find-a-mediator" className="button button-secondary">
                Clear the search
              </Link>
            ) : null}
          </div>
        </details>
      </form>

      <section aria-labelledby="directory-results">
        <h2 id="directory-results">Mediators</h2>
        {results.isPending ? <Loading what="Looking for mediators" /> : null}
        {results.isError ? <Alert tone="error">{errorMessage(results.error)}</Alert> : null}
        {results.isSuccess ? (
          <p role="status" className="muted">
            {found.length === 0
              ? 'No mediator matches all of these choices. Try removing one.'
              : `${total === 1 ? '1 mediator matches' : `${(total ?? found.length).toLocaleString('en-US')} mediators match`}; showing ${found.length}.`}
            {place
              ? ` Nearest first from ${place.name}, in ${listed(place.counties)} ${place.counties.length === 1 ? 'County' : 'counties'}.`
              : ''}
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
  { name: 'county', label: 'Serves this county', options: counties },
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

/** Open the filters on a wide screen; on a phone the results come first and the panel stays shut. */
const wideScreen = () =>
  typeof window !== 'undefined' && window.matchMedia?.('(min-width: 48rem)').matches === true;

const listed = (names: string[]) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;

/** One of the two boxes at the top of the search: words, and a place. */
function SearchBox({
  name,
  type,
  label,
  hint,
  value,
}: {
  name: string;
  type: 'search' | 'text';
  label: string;
  hint: string;
  value: string | null;
}) {
  return (
    <div className={`field directory-${name}`}>
      <label htmlFor={`directory-${name}`}>{label}</label>
      <p className="field-hint" id={`directory-${name}-hint`}>
        {hint}
      </p>
      <input
        id={`directory-${name}`}
        name={name}
        type={type}
        defaultValue={value ?? ''}
        aria-describedby={`directory-${name}-hint`}
      />
    </div>
  );
}

/** A group of checkboxes for a filter that takes several values. */
function ManyChoice({
  legend,
  hint,
  name,
  options,
  chosen,
}: {
  legend: string;
  hint?: string;
  name: string;
  options: Option[];
  chosen: string[];
}) {
  const hintId = `directory-${name}-hint`;
  return (
    <fieldset className="choices directory-choices" aria-describedby={hint ? hintId : undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {options.map(([value, text]) => (
        <label key={value} className="choice">
          <input type="checkbox" name={name} value={value} defaultChecked={chosen.includes(value)} /> {text}
        </label>
      ))}
    </fieldset>
  );
}

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
