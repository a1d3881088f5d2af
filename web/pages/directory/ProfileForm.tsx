import type { FormEvent } from 'react';
import type { County } from '../../../contracts/directory.ts';
import type { OwnProfile, ProfileBody, ProfileRecord } from '../../../contracts/directory-profiles.ts';
import { CONTACT_PREFERENCES } from '../../../contracts/directory-profiles.ts';
import { LANGUAGE_CODES, PRACTICE_AREAS } from '../../../domain/directory-search.ts';
import { DEGREE_FIELDS } from '../../../domain/eligibility.ts';
import type { Change } from '../../api/change.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Options, Select, TextArea, TextField } from '../../components/Field.tsx';
import './directory.css';
import { areaLabel, languageLabel, oneOf } from './labels.ts';

const DEGREE_LABELS: Record<(typeof DEGREE_FIELDS)[number], string> = {
  psychiatry: 'Psychiatry',
  psychology: 'Psychology',
  social_work: 'Social work',
  counseling: 'Counseling',
  behavioral_science: 'Another behavioral science',
  other: 'Another field',
};

/**
 * A directory profile's form: the mediator's own (/my-directory-profile) and association staff's
 * for anyone's (/association/staff/mediators/:profileId). `own` words it for the mediator.
 */
export function ProfileForm({
  profile: p,
  counties,
  own,
  save,
}: {
  profile: ProfileRecord | null;
  counties: County[];
  own: boolean;
  save: Change<ProfileBody, OwnProfile>;
}) {
  const field = save.field;
  /** A text field's name, the value saved under it and the server's word on it. */
  const saved = (name: 'displayName' | 'practiceName' | 'bio' | 'website') => ({
    name,
    defaultValue: p?.[name] ?? '',
    error: field(name),
  });
  /** A count (dollars an hour, years): a number from 0, typed on a phone's number pad. */
  const count = (name: 'hourlyRate' | 'yearsPractice') => ({
    name,
    type: 'number',
    min: 0,
    inputMode: 'numeric' as const,
    defaultValue: p?.[name] ?? '',
  });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const text = (k: string) => String(f.get(k) ?? '').trim();
    const number = (k: string) => (text(k) === '' ? null : Number(text(k)));
    const degreeTitle = text('degreeTitle');
    const degreeField = f.get('degreeField');
    const barState = text('barState');
    const contact = f.get('contactPreference');
    save.run({
      displayName: text('displayName'),
      practiceName: text('practiceName'),
      bio: text('bio'),
      areas: f.getAll('areas').filter(oneOf(PRACTICE_AREAS)),
      languages: f.getAll('languages').filter(oneOf(LANGUAGE_CODES)),
      statewide: f.get('statewide') === 'on',
      counties: f.getAll('counties').map(String),
      inPerson: f.get('inPerson') === 'on',
      remote: f.get('remote') === 'on',
      hourlyRate: number('hourlyRate'),
      slidingScale: f.get('slidingScale') === 'on',
      freeService: f.get('freeService') === 'on',
      acceptingCases: f.get('acceptingCases') === 'on',
      yearsPractice: number('yearsPractice'),
      contactPreference: oneOf(CONTACT_PREFERENCES)(contact) ? contact : 'form',
      phone: text('phone') || null,
      website: text('website') || null,
      employers: text('employers')
        .split('\n')
        .map((e) => e.trim())
        .filter(Boolean),
      // The form edits the first degree and bar admission; what it does not show (the institution,
      // the year of the degree, the bar number, any others) is sent back as it was, so saving an
      // unchanged profile does not ask staff to check the credentials again.
      degrees: degreeTitle
        ? [
            {
              title: degreeTitle,
              field: oneOf(DEGREE_FIELDS)(degreeField) ? degreeField : 'other',
              institution: p?.degrees[0]?.institution ?? '',
              year: p?.degrees[0]?.year ?? null,
            },
            ...(p?.degrees.slice(1) ?? []),
          ]
        : [],
      barAdmissions: barState
        ? [
            { state: barState, year: number('barYear'), number: p?.barAdmissions[0]?.number ?? '' },
            ...(p?.barAdmissions.slice(1) ?? []),
          ]
        : [],
      published: f.get('published') === 'on',
    });
  }

  return (
    <>
      {save.done ? (
        <Alert tone="success">{own ? 'Your profile is saved.' : 'The profile is saved.'}</Alert>
      ) : null}
      {save.error !== null ? (
        <Alert
          tone="error"
          title={save.error.code === 'CERTIFICATION_CLAIM' ? 'Please change the wording' : undefined}
        >
          {save.error.message}
        </Alert>
      ) : null}
      <form className="form directory-editor" onSubmit={submit} key={p?.id ?? 'new'}>
        <TextField label="Name people will see" {...saved('displayName')} required />
        <TextField label="Practice name (optional)" {...saved('practiceName')} />
        <TextArea
          label="About you"
          hint="A few plain sentences: the cases you help with and how you work. Do not call yourself “certified”: Missouri does not certify mediators."
          rows={6}
          {...saved('bio')}
        />
        <Checks
          legend="Kinds of case"
          name="areas"
          options={PRACTICE_AREAS.map((a) => [a, areaLabel(a)])}
          checked={p?.areas ?? []}
        />
        <Checks
          legend="Languages"
          name="languages"
          options={LANGUAGE_CODES.map((l) => [l, languageLabel(l)])}
          checked={p?.languages ?? ['en']}
        />
        <fieldset className="field">
          <legend>Where you work</legend>
          <Check name="statewide" label="Anywhere in Missouri" checked={p?.statewide ?? false} />
          <label htmlFor="counties">Counties you serve</label>
          <p className="field-hint" id="counties-hint">
            Hold Ctrl (or ⌘) to choose several.
          </p>
          {field('counties') ? <p className="field-error">{field('counties')}</p> : null}
          <select
            id="counties"
            name="counties"
            multiple
            size={8}
            defaultValue={p?.counties ?? []}
            aria-describedby="counties-hint"
          >
            {counties.map((c) => (
              <option key={c.fips} value={c.fips}>
                {c.name}
              </option>
            ))}
          </select>
          <Check name="inPerson" label="In person" checked={p?.inPerson ?? true} />
          <Check name="remote" label="By video or phone" checked={p?.remote ?? false} />
        </fieldset>
        <fieldset className="field">
          <legend>Fees</legend>
          <TextField
            label="Hourly rate in dollars (optional)"
            {...count('hourlyRate')}
            error={field('hourlyRate')}
          />
          <Check name="slidingScale" label="Sliding scale" checked={p?.slidingScale ?? false} />
          <Check name="freeService" label="Free or volunteer" checked={p?.freeService ?? false} />
        </fieldset>
        <Check
          name="acceptingCases"
          label={own ? 'I am taking new cases' : 'Taking new cases'}
          checked={p?.acceptingCases ?? true}
        />
        <TextField label="Years of practice" {...count('yearsPractice')} />
        <Select
          label="How people should reach you"
          name="contactPreference"
          defaultValue={p?.contactPreference ?? 'form'}
        >
          <option value="form">Through Parley’s contact form</option>
          <option value="phone">By phone (your number is shown)</option>
          <option value="website">Through my website</option>
        </Select>
        <TextField label="Phone (optional)" name="phone" type="tel" defaultValue={p?.phone ?? ''} />
        <TextField label="Website (optional)" type="url" {...saved('website')} />
        <TextArea
          label="Organizations that employ you, one a line"
          hint="For example a school district. You are never offered for a special-education case of a district or agency that employs you. Not shown to the public."
          name="employers"
          rows={3}
          defaultValue={(p?.employers ?? []).join('\n')}
        />
        <fieldset className="field">
          <legend>Degree and bar admission (Rule 88.05)</legend>
          <TextField
            label="Graduate degree (for example MSW)"
            name="degreeTitle"
            defaultValue={p?.degrees[0]?.title ?? ''}
            error={field('degrees.0.title')}
          />
          <label htmlFor="degreeField">Field of the degree</label>
          <select id="degreeField" name="degreeField" defaultValue={p?.degrees[0]?.field ?? 'other'}>
            <Options values={DEGREE_FIELDS} words={(d) => DEGREE_LABELS[d]} />
          </select>
          <TextField
            label="Admitted to the bar in (state, if an attorney)"
            name="barState"
            defaultValue={p?.barAdmissions[0]?.state ?? ''}
          />
          <TextField
            label="Year admitted"
            name="barYear"
            type="number"
            inputMode="numeric"
            defaultValue={p?.barAdmissions[0]?.year ?? ''}
          />
          <p className="field-hint">Association staff check these before they count.</p>
        </fieldset>
        <Check
          name="published"
          label={own ? 'Show my profile in the public directory' : 'Show the profile in the public directory'}
          checked={p?.published ?? true}
        />
        <Button type="submit" busy={save.busy} busyLabel="Saving…">
          {own ? 'Save my profile' : 'Save the profile'}
        </Button>
      </form>
    </>
  );
}

function Check({ name, label, checked }: { name: string; label: string; checked: boolean }) {
  const id = `check-${name}`;
  return (
    <div className="field-check">
      <input id={id} type="checkbox" name={name} defaultChecked={checked} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

function Checks({
  legend,
  name,
  options,
  checked,
}: {
  legend: string;
  name: string;
  options: [string, string][];
  checked: string[];
}) {
  return (
    <fieldset className="field directory-checks">
      <legend>{legend}</legend>
      {options.map(([value, label]) => {
        const id = `${name}-${value}`;
        return (
          <div className="field-check" key={value}>
            <input
              id={id}
              type="checkbox"
              name={name}
              value={value}
              defaultChecked={checked.includes(value)}
            />
            <label htmlFor={id}>{label}</label>
          </div>
        );
      })}
    </fieldset>
  );
}
