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
import { modeOf, oneOf, useDirectoryLabels } from './labels.ts';

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
  const labels = useDirectoryLabels();
  const { t, formats } = labels;
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
    <Page title={t('directory.title')} lead={t('directory.lead')} wide>
      <form
        className="directory-search"
        onSubmit={submit}
        aria-label={t('directory.searchLabel')}
        key={queryString}
      >
        <div className="directory-top">
          <SearchBox
            name="q"
            type="search"
            label={t('directory.q.label')}
            hint={t('directory.q.hint')}
            value={params.get('q')}
          />
          <SearchBox
            name="place"
            type="text"
            label={t('directory.place.label')}
            hint={t('directory.place.hint')}
            value={params.get('place')}
          />
          <div className="form-actions">
            <Button type="submit">{t('directory.search')}</Button>
          </div>
        </div>
        <details className="directory-filter-panel" open={chosen > 0 || wideScreen()}>
          <summary>
            {t('directory.more', { chosen })}
            {total !== null ? <> · {t('directory.count', { total })}</> : null}
          </summary>
          <div className="directory-filters">
            {filters(countyOptions, labels).map((f) => (
              <FilterSelect
                key={f.name}
                {...f}
                value={params.get(f.name)}
                anyLabel={f.anyLabel ?? t('directory.any')}
              />
            ))}
          </div>
          <div className="directory-many">
            <ManyChoice
              legend={t('directory.area')}
              name="area"
              options={PRACTICE_AREAS.map((a) => [a, labels.area(a)])}
              chosen={params.getAll('area')}
            />
            <ManyChoice
              legend={t('directory.languages')}
              hint={t('directory.languagesHint')}
              name="language"
              options={LANGUAGE_CODES.map((l) => [l, labels.language(l)])}
              chosen={params.getAll('language')}
            />
            <ManyChoice
              legend={t('directory.roster')}
              name="roster"
              options={ROSTERS.map((r) => [r, labels.roster(r)])}
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
            <label htmlFor="directory-accepting">{t('directory.accepting')}</label>
          </div>
          <div className="form-actions">
            <Button type="submit">{t('directory.searchChoices')}</Button>
            {queryString ? (
              <Link to="/find-a-mediator" className="button button-secondary">
                {t('directory.clear')}
              </Link>
            ) : null}
          </div>
        </details>
      </form>

      <section aria-labelledby="directory-results">
        <h2 id="directory-results">{t('directory.results')}</h2>
        {results.isPending ? <Loading what={t('directory.looking')} /> : null}
        {results.isError ? <Alert tone="error">{errorMessage(results.error)}</Alert> : null}
        {results.isSuccess ? (
          <p role="status" className="muted">
            {found.length === 0
              ? t('directory.none')
              : t('directory.matches', { total: total ?? found.length, shown: formats.count(found.length) })}
            {place ? (
              <>
                {' '}
                {t('directory.nearest', {
                  place: place.name,
                  counties: listed(place.counties, formats.language),
                  count: place.counties.length,
                })}
              </>
            ) : null}
          </p>
        ) : null}
        <ul className="directory-results">
          {found.map((m) => (
            <ResultCard key={m.id} mediator={m} nearest={sort === 'distance'} labels={labels} />
          ))}
        </ul>
        {results.hasNextPage ? (
          <Button
            variant="secondary"
            onClick={() => results.fetchNextPage()}
            busy={results.isFetchingNextPage}
            busyLabel={t('directory.loadingMore')}
          >
            {t('directory.moreResults')}
          </Button>
        ) : null}
      </section>
    </Page>
  );
}

type Option = [value: string, text: string];
type Filter = { name: string; label: string; options: Option[]; anyLabel?: string };
type Labels = ReturnType<typeof useDirectoryLabels>;

/** The form's drop-down filters, each an address field with its choices. */
const filters = (counties: Option[], { t, fee }: Labels): Filter[] => [
  { name: 'county', label: t('directory.filters.county'), options: counties },
  { name: 'fee', label: t('directory.filters.fees'), options: FEE_TYPES.map((f) => [f, fee(f)]) },
  {
    name: 'mode',
    label: t('directory.filters.meets'),
    options: [
      ['remote', t('directory.filters.remote')],
      ['in_person', t('directory.filters.inPerson')],
    ],
  },
  {
    name: 'sort',
    label: t('directory.filters.order'),
    anyLabel: t('directory.filters.best'),
    options: [
      ['name', t('directory.filters.byName')],
      ['distance', t('directory.filters.nearestFirst')],
    ],
  },
  {
    name: 'near',
    label: t('directory.filters.near'),
    anyLabel: t('directory.filters.nearAny'),
    options: counties,
  },
];

/** Open the filters on a wide screen; on a phone the results come first and the panel stays shut. */
const wideScreen = () =>
  typeof window !== 'undefined' && window.matchMedia?.('(min-width: 48rem)').matches === true;

/** "Greene, Christian and Taney": English as Parley has always written it, other languages as they list. */
const listed = (names: string[], language: string) =>
  language !== 'en-US'
    ? new Intl.ListFormat(language, { type: 'conjunction' }).format(names)
    : names.length <= 1
      ? (names[0] ?? '')
      : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;

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

function FilterSelect({ name, label, value, options, anyLabel }: Filter & { value: string | null }) {
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

function ResultCard({
  mediator: m,
  nearest,
  labels,
}: {
  mediator: SearchResult;
  nearest: boolean;
  labels: Labels;
}) {
  const { t } = labels;
  const serves = {
    counties: m.counties.slice(0, 4).join(', '),
    more: Math.max(0, m.counties.length - 4),
    miles: m.milesAway ?? 0,
  };
  const where = m.statewide
    ? t('directory.card.statewide')
    : t(nearest && m.milesAway !== null ? 'directory.card.servesNear' : 'directory.card.serves', serves);
  return (
    <li className="card directory-card">
      {m.photoUrl ? <img src={m.photoUrl} alt="" className="directory-photo" width={72} height={72} /> : null}
      <div>
        <h3>
          <Link to={`/mediators/${m.id}`}>{m.name}</Link>
        </h3>
        {m.practiceName ? <p className="directory-practice">{m.practiceName}</p> : null}
        <p>{m.areas.map(labels.area).join(' · ')}</p>
        <p>
          {where} {t('directory.card.modes', { mode: modeOf(m) })}
        </p>
        <p>
          {t('directory.card.speaks', {
            languages: m.languages.map(labels.language).join(', '),
            fees: labels.fees(m),
          })}
        </p>
        <p className={m.acceptingCases ? 'tag tag-ok' : 'tag'}>
          {t(m.acceptingCases ? 'directory.card.taking' : 'directory.card.notTaking')}
        </p>
        {m.rosters.length ? (
          <ul className="directory-rosters" aria-label={t('directory.card.rosters')}>
            {m.rosters.map((r) => (
              <li key={r}>{labels.rosterShort(r)}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </li>
  );
}
