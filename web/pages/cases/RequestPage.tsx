import { type ComponentProps, useEffect, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import * as cases from '../../../contracts/cases.ts';
import type { ProgramSummary } from '../../../contracts/programs.ts';
import { formatMissouriTime } from '../../../domain/missouri-time.ts';
import { requestLetterBlocks } from '../../../domain/request-letter.ts';
import { packForKind } from '../../../domain/rule-packs/index.ts';
import { useSession } from '../../api/accounts.ts';
import { caseKeys } from '../../api/cases.ts';
import { useChange } from '../../api/change.ts';
import { call, errorMessage } from '../../api/client.ts';
import { useCounties, usePublicProfile } from '../../api/directory.ts';
import { useDistricts, usePrograms } from '../../api/programs.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { SendForm } from '../../components/SendForm.tsx';
import './cases.css';
import { Checkbox, Choices, Select, TextArea } from '../../components/Field.tsx';
import { LetterPreview } from './LetterPreview.tsx';
import { RequestSignIn } from './RequestSignIn.tsx';
import { type DraftKeeping, forgetLocalDraft, useDraftKeeping } from './request-draft.ts';

const FORM_OF: Record<string, 'special_education' | 'court_referral' | 'community'> = {
  special_education: 'special_education',
  family: 'court_referral',
  civil: 'court_referral',
  community: 'community',
};

/** A text question of the request: its answer's name, and the request field a problem comes back on. */
type Question = Omit<ComponentProps<typeof TextField>, 'name' | 'value' | 'onChange' | 'error'> & {
  name: string;
  errorOn?: string;
};

const REQUESTER: Question[] = [
  { name: 'requesterName', label: 'Name of the person asking', errorOn: 'requester.name' },
  {
    name: 'requesterEmail',
    label: 'Their e-mail address',
    type: 'email',
    hint: 'Leave empty if you are asking for yourself.',
    errorOn: 'requester.email',
  },
];

const STUDENT: Question[] = [
  { name: 'student', label: 'Your child’s name', errorOn: 'student.name', autoComplete: 'off' },
  { name: 'school', label: 'School (optional)' },
  { name: 'grade', label: 'Grade (optional)' },
];

/** The district typed in: where the program keeps no list, or the parent's is not on it. */
const DISTRICT: Question[] = [{ name: 'district', label: 'School district', errorOn: 'district.name' }];
const OTHER_DISTRICT: Question[] = [
  { name: 'district', label: 'Name of your school district', errorOn: 'district.name' },
];

const COURT: Question[] = [
  { name: 'court', label: 'Court', errorOn: 'court' },
  { name: 'circuit', label: 'Circuit number', inputMode: 'numeric', errorOn: 'circuit' },
  { name: 'caseNumber', label: 'Court case number', errorOn: 'caseNumber' },
  { name: 'orderDate', label: 'Date of the court’s order', type: 'date', errorOn: 'orderDate' },
];

const BEGIN_BY: Question[] = [
  { name: 'beginBy', label: 'Deadline to begin mediation', type: 'date', errorOn: 'beginBy' },
];

const otherSide = (form: string, listed: boolean): Question[] => [
  {
    name: 'otherName',
    label:
      form !== 'special_education'
        ? 'Their name'
        : listed
          ? 'Name of the district’s contact person (optional)'
          : 'Name of the district’s contact person',
    errorOn: 'respondent.name',
  },
  ...(listed ? [] : [OTHER_EMAIL]),
];
const OTHER_EMAIL: Question = {
  name: 'otherEmail',
  label: 'Their e-mail address',
  type: 'email',
  hint: 'We e-mail them a link to say yes or no.',
  errorOn: 'respondent.email',
};

const CONTACT: Question[] = [
  {
    name: 'address',
    label: 'Your mailing address',
    autoComplete: 'street-address',
    errorOn: 'requester.address',
  },
  { name: 'phone', label: 'Your phone number', type: 'tel', autoComplete: 'tel', errorOn: 'requester.phone' },
];

/**
 * The request wizard: pick a program, then answer its questions in plain words. Nothing typed is
 * lost: the draft is kept (request-draft.ts) and a person not signed in signs in or creates an
 * account on the page itself.
 */
export function RequestPage() {
  const programs = usePrograms();
  const session = useSession();
  const signedIn = session.data ? session.data.user !== null : undefined;
  // Asked from a mediator's profile in Find a Mediator: the request names them.
  const fromMediator = useSearchParams()[0].get('mediator') ?? '';
  const keeping = useDraftKeeping(signedIn, fromMediator);
  const draft = keeping.draft;
  const mediatorId = draft?.preferredMediator ?? '';
  const usable = (programs.data ?? []).filter((p) => FORM_OF[p.kind]);
  const program = usable.find((p) => p.id === draft?.programId);
  const mediator = usePublicProfile(mediatorId, mediatorId !== '');
  const preferred = mediatorId && mediator.data ? mediator.data : null;
  return (
    <Page
      title="Ask for mediation"
      lead="Answer a few questions. We send your request to the program and tell you what happens next."
    >
      {preferred ? (
        <Alert tone="info">
          You are asking for <strong>{preferred.name}</strong>. The program’s rules decide how the mediator is
          chosen: where both sides choose together, your choice is put to the other side; where the program or
          the court appoints, it sees your wish.
        </Alert>
      ) : null}
      {programs.isPending || !draft ? <Loading what="Loading programs" /> : null}
      {programs.isError ? <Alert tone="error">{errorMessage(programs.error)}</Alert> : null}
      {usable.length && draft ? (
        <Choices
          legend="1. Which program is your request for?"
          type="radio"
          name="program"
          options={usable.map((p) => ({ value: p.id, label: p.name }))}
          value={draft.programId ? [draft.programId] : []}
          onChange={(v) => keeping.update((d) => ({ ...d, programId: v[0] ?? '' }))}
        />
      ) : null}
      {program && draft ? (
        <RequestForm
          key={program.id}
          program={program}
          preferredMediator={preferred ? preferred.id : undefined}
          keeping={keeping}
          signedIn={signedIn === true}
        />
      ) : null}
    </Page>
  );
}

/** Where the draft is kept, said under the form after every change. */
function DraftStatus({ keeping, signedIn }: { keeping: DraftKeeping; signedIn: boolean }) {
  const { where, savedAt, error } = keeping;
  if (where === 'failed')
    return <Alert tone="error">{`Your draft could not be saved just now: ${error ?? 'try again'}.`}</Alert>;
  const words =
    where === 'browser' && !signedIn
      ? 'Your request is kept in this browser until you send it.'
      : where === 'saving'
        ? 'Saving your draft…'
        : where === 'saved' && savedAt
          ? `Draft saved at ${formatMissouriTime(savedAt)}. You can come back to it from any device.`
          : null;
  return (
    <p className="muted draft-status" role="status">
      {words}
    </p>
  );
}

function RequestForm({
  program,
  preferredMediator,
  keeping,
  signedIn,
}: {
  program: ProgramSummary;
  preferredMediator: string | undefined;
  keeping: DraftKeeping;
  signedIn: boolean;
}) {
  const navigate = useNavigate();
  const session = useSession();
  const form = FORM_OF[program.kind]!;
  const pack = packForKind(program.kind)!;
  const isCoordinator = (session.data?.user?.grants ?? []).some(
    (g) => g.role === 'coordinator' && g.scope === program.id,
  );
  const draft = keeping.draft!;
  const v = draft.answers;
  const { issues, askState } = draft;
  const setIssues = (picked: string[]) => keeping.update((d) => ({ ...d, issues: picked }));
  const setAskState = (ask: boolean) => keeping.update((d) => ({ ...d, askState: ask }));
  const answer = (k: string, value: string) =>
    keeping.update((d) => ({ ...d, answers: { ...d.answers, [k]: value } }));
  const set = (k: string) => (e: { target: { value: string } }) => answer(k, e.target.value);
  // For the program's figures: the county the request comes from, and a pending due process complaint.
  const counties = useCounties();
  const county = v.county ?? '';
  const dueProcess = v.dueProcess ?? '';
  const [preview, setPreview] = useState(false);
  // Special education: the district from the program's list (its contact takes the request), else typed.
  const districts = useDistricts(program.id, form === 'special_education');
  const listed = districts.data?.districts ?? [];
  const chosen = listed.find((d) => d.id === v.districtId);
  const districtName = chosen?.name ?? v.district ?? '';
  const pickDistrict = (id: string) =>
    keeping.update((d) => {
      const pick = listed.find((x) => x.id === id);
      const wasListed = listed.some((x) => x.id === d.answers.districtId);
      const typed = wasListed ? '' : (d.answers.district ?? '');
      return { ...d, answers: { ...d.answers, districtId: id, district: pick ? pick.name : typed } };
    });
  const accountPanel = useRef<HTMLDivElement>(null);
  const submit = useChange(
    () => {
      const common = {
        form,
        programId: program.id,
        preferredMediator,
        county: county || undefined,
        description: v.description ?? '',
        respondent: {
          name: v.otherName ?? '',
          email: v.otherEmail ?? '',
          organization: v.otherOrg || undefined,
        },
        requester:
          isCoordinator && v.requesterEmail
            ? { name: v.requesterName ?? '', email: v.requesterEmail }
            : v.address || v.phone
              ? {
                  name: session.data?.user?.name ?? '',
                  address: v.address || undefined,
                  phone: v.phone || undefined,
                }
              : undefined,
      };
      if (form === 'special_education') {
        return call(cases.createCase, {
          body: {
            ...common,
            form: 'special_education',
            respondent: chosen
              ? {
                  name: v.otherName || `Special education office, ${chosen.name}`,
                  email: chosen.email,
                  organization: chosen.name,
                }
              : { ...common.respondent, organization: v.district || undefined },
            student: { name: v.student ?? '', school: v.school || undefined, grade: v.grade || undefined },
            district: { name: districtName, id: chosen?.id },
            categories: issues,
            requestStateMediation: askState,
            dueProcessPending: dueProcess === 'yes' ? true : dueProcess === 'no' ? false : undefined,
          },
        });
      }
      if (form === 'court_referral') {
        return call(cases.createCase, {
          body: {
            ...common,
            form: 'court_referral',
            caseType: v.caseType ?? pack.caseTypes.value[0]!.id,
            court: v.court ?? '',
            circuit: v.circuit ?? '',
            caseNumber: v.caseNumber ?? '',
            rule: program.kind === 'family' ? '88' : '17',
            orderDate: v.orderDate ?? '',
            beginBy: v.beginBy || undefined,
            issues,
          },
        });
      }
      return call(cases.createCase, {
        body: {
          ...common,
          form: 'community',
          caseType: v.caseType ?? pack.caseTypes.value[0]!.id,
        },
      });
    },
    {
      invalidates: [caseKeys.mine(), caseKeys.requestDraft()],
      onSuccess: (r) => {
        forgetLocalDraft();
        navigate(`/cases/${r.id}`);
      },
    },
  );
  const err = submit.error;
  // Sent before signing in: the request waits here, whole, while the person signs in below.
  const [sendPressed, setSendPressed] = useState(0);
  const mustSignIn = !signedIn && (sendPressed > 0 || err?.status === 401);
  useEffect(() => {
    if (mustSignIn && sendPressed >= 0) accountPanel.current?.querySelector<HTMLElement>('h2')?.focus();
  }, [mustSignIn, sendPressed]);
  const me = session.data?.user;
  const letter =
    form === 'special_education'
      ? requestLetterBlocks({
          parent:
            isCoordinator && v.requesterName
              ? { name: v.requesterName, email: v.requesterEmail }
              : { name: me?.name ?? '', address: v.address, phone: v.phone, email: me?.email },
          student: { name: v.student ?? '', school: v.school, grade: v.grade },
          district: districtName,
          categories: pack.issueTemplates.value.filter((i) => issues.includes(i.id)).map((i) => i.label),
          description: v.description ?? '',
        })
      : null;
  const f = (name: string) => err?.field(name);
  const ask = (questions: Question[]) =>
    questions.map(({ errorOn, ...q }) => (
      <TextField
        key={q.name}
        {...q}
        value={v[q.name] ?? ''}
        onChange={set(q.name)}
        error={errorOn ? f(errorOn) : undefined}
      />
    ));
  /** The pack's kinds of issue, to tick; `name` is also the request field a problem comes back on. */
  const issueChoices = (name: string, legend: string, hint?: string) => (
    <Choices
      legend={legend}
      hint={hint}
      type="checkbox"
      name={name}
      options={pack.issueTemplates.value.map((i) => ({ value: i.id, label: i.label }))}
      value={issues}
      onChange={setIssues}
      error={f(name)}
    />
  );
  return (
    <>
      <SendForm
        onSend={() => (signedIn ? submit.run() : setSendPressed((n) => n + 1))}
        busy={submit.busy}
        busyLabel="Sending your request…"
        submit="Send my request"
        after={
          letter ? (
            <Button variant="secondary" onClick={() => setPreview(!preview)} aria-expanded={preview}>
              {preview ? 'Hide the letter' : 'Preview the letter'}
            </Button>
          ) : null
        }
      >
        <h2>2. About your request</h2>
        <p>{pack.cost.value.text}</p>
        {mustSignIn ? (
          <Alert tone="info">
            Your request is ready. To send it, sign in or create an account just below this form: everything
            you typed stays here.
          </Alert>
        ) : submit.error !== null ? (
          <Alert tone="error">
            {err && Object.keys(err.fields).length
              ? 'Some answers need a fix. They are marked below.'
              : errorMessage(submit.error)}
          </Alert>
        ) : null}
        {isCoordinator ? ask(REQUESTER) : null}
        {form === 'special_education' ? (
          <>
            {ask(STUDENT)}
            {listed.length ? (
              <>
                <Select
                  label="School district"
                  hint="Your request goes to the district’s office for mediation requests."
                  name="districtId"
                  value={v.districtId ?? ''}
                  onChange={(e) => pickDistrict(e.target.value)}
                  error={chosen || v.districtId === 'other' ? undefined : f('district.name')}
                >
                  <option value="">Choose your child’s district</option>
                  {listed.map((d) => (
                    <option key={d.id} value={d.id}>
                      {d.name}
                    </option>
                  ))}
                  <option value="other">My district is not on the list</option>
                </Select>
                {v.districtId === 'other' ? ask(OTHER_DISTRICT) : null}
              </>
            ) : (
              ask(DISTRICT)
            )}
            {issueChoices('categories', 'What is the disagreement about?', 'Choose all that fit.')}
            <Choices
              legend="Has a due process complaint been filed about this, and is it still pending?"
              type="radio"
              name="dueProcessPending"
              options={[
                { value: 'yes', label: 'Yes' },
                { value: 'no', label: 'No' },
                { value: '', label: 'I am not sure' },
              ]}
              value={[dueProcess]}
              onChange={(picked) => answer('dueProcess', picked[0] ?? '')}
            />
          </>
        ) : null}
        <Select
          label="County (optional)"
          hint="Where the disagreement is. The program counts its requests by county."
          name="county"
          value={county}
          onChange={set('county')}
          error={f('county')}
        >
          <option value="">Choose a county</option>
          {(counties.data ?? []).map((c) => (
            <option key={c.fips} value={c.fips}>
              {c.name}
            </option>
          ))}
        </Select>
        {form !== 'special_education' ? (
          <Select
            label="Kind of case"
            name="caseType"
            value={v.caseType ?? pack.caseTypes.value[0]!.id}
            onChange={set('caseType')}
            error={f('caseType')}
          >
            {pack.caseTypes.value.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </Select>
        ) : null}
        {form === 'court_referral' ? (
          <>
            {ask(COURT)}
            {pack.optOut.value.allowed ? ask(BEGIN_BY) : null}
            {issueChoices('issues', 'Issues the court sent to mediation')}
          </>
        ) : null}
        <TextArea
          label={
            form === 'community'
              ? 'What is the disagreement? Use your own words.'
              : 'Tell us briefly what happened'
          }
          name="description"
          value={v.description ?? ''}
          onChange={set('description')}
          error={f('description')}
        />
        <h2>3. Who is the other side?</h2>
        {chosen ? (
          <p>
            We send your request to <strong>{chosen.name}</strong> at {chosen.email}, the address it gives for
            requests for mediation.
          </p>
        ) : null}
        {ask(otherSide(form, Boolean(chosen)))}
        {!isCoordinator ? (
          <>
            <h2>4. How can the program reach you? (optional)</h2>
            <p className="muted">
              Only your side, the mediator and the program see these. You can ask to keep them private.
            </p>
            {ask(CONTACT)}
          </>
        ) : null}
        {form === 'special_education' ? (
          <Checkbox
            label="I am asking for state-sponsored mediation. It is free, and it does not stop me from asking for a due process hearing."
            checked={askState}
            onChange={setAskState}
            error={f('requestStateMediation')}
          />
        ) : null}
        {letter && preview ? <LetterPreview blocks={letter} /> : null}
        <DraftStatus keeping={keeping} signedIn={signedIn} />
      </SendForm>
      {signedIn ? null : (
        <div ref={accountPanel}>
          <RequestSignIn />
        </div>
      )}
    </>
  );
}
