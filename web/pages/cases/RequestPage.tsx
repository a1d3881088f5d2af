import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import * as cases from '../../../contracts/cases.ts';
import type { ProgramSummary } from '../../../contracts/programs.ts';
import { packForKind } from '../../../domain/rule-packs/index.ts';
import { useSession } from '../../api/accounts.ts';
import { caseKeys } from '../../api/cases.ts';
import { useChange } from '../../api/change.ts';
import { call, errorMessage } from '../../api/client.ts';
import { usePrograms } from '../../api/programs.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import './cases.css';
import { Checkbox, Choices, Select, TextArea } from '../../components/Field.tsx';

const FORM_OF: Record<string, 'special_education' | 'court_referral' | 'community'> = {
  special_education: 'special_education',
  family: 'court_referral',
  civil: 'court_referral',
  community: 'community',
};

/** The request wizard: pick a program, then answer its questions in plain words. */
export function RequestPage() {
  const programs = usePrograms();
  const [programId, setProgramId] = useState('');
  const usable = (programs.data ?? []).filter((p) => FORM_OF[p.kind]);
  const program = usable.find((p) => p.id === programId);
  return (
    <Page
      title="Ask for mediation"
      lead="Answer a few questions. We send your request to the program and tell you what happens next."
    >
      {programs.isPending ? <Loading what="Loading programs" /> : null}
      {programs.isError ? <Alert tone="error">{errorMessage(programs.error)}</Alert> : null}
      {usable.length ? (
        <Choices
          legend="1. Which program is your request for?"
          type="radio"
          name="program"
          options={usable.map((p) => ({ value: p.id, label: p.name }))}
          value={programId ? [programId] : []}
          onChange={(v) => setProgramId(v[0] ?? '')}
        />
      ) : null}
      {program ? <RequestForm key={program.id} program={program} /> : null}
    </Page>
  );
}

function RequestForm({ program }: { program: ProgramSummary }) {
  const navigate = useNavigate();
  const session = useSession();
  const form = FORM_OF[program.kind]!;
  const pack = packForKind(program.kind)!;
  const isCoordinator = (session.data?.user?.grants ?? []).some(
    (g) => g.role === 'coordinator' && g.scope === program.id,
  );
  const [v, setV] = useState<Record<string, string>>({});
  const [issues, setIssues] = useState<string[]>([]);
  const [askState, setAskState] = useState(false);
  const set = (k: string) => (e: { target: { value: string } }) =>
    setV((old) => ({ ...old, [k]: e.target.value }));
  const submit = useChange(
    () => {
      const common = {
        form,
        programId: program.id,
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
            respondent: { ...common.respondent, organization: v.district || undefined },
            student: { name: v.student ?? '', school: v.school || undefined, grade: v.grade || undefined },
            district: { name: v.district ?? '' },
            categories: issues,
            requestStateMediation: askState,
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
    { invalidates: [caseKeys.mine()], onSuccess: (r) => navigate(`/cases/${r.id}`) },
  );
  const err = submit.error;
  const f = (name: string) => err?.field(name);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit.run();
  };
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <h2>2. About your request</h2>
      <p>{pack.cost.value.text}</p>
      {submit.error !== null ? (
        <Alert tone="error">
          {err && Object.keys(err.fields).length
            ? 'Some answers need a fix. They are marked below.'
            : errorMessage(submit.error)}
        </Alert>
      ) : null}
      {isCoordinator ? (
        <>
          <TextField
            label="Name of the person asking"
            name="requesterName"
            value={v.requesterName ?? ''}
            onChange={set('requesterName')}
            error={f('requester.name')}
          />
          <TextField
            label="Their e-mail address"
            name="requesterEmail"
            type="email"
            hint="Leave empty if you are asking for yourself."
            value={v.requesterEmail ?? ''}
            onChange={set('requesterEmail')}
            error={f('requester.email')}
          />
        </>
      ) : null}
      {form === 'special_education' ? (
        <>
          <TextField
            label="Your child’s name"
            name="student"
            value={v.student ?? ''}
            onChange={set('student')}
            error={f('student.name')}
            autoComplete="off"
          />
          <TextField
            label="School (optional)"
            name="school"
            value={v.school ?? ''}
            onChange={set('school')}
          />
          <TextField label="Grade (optional)" name="grade" value={v.grade ?? ''} onChange={set('grade')} />
          <TextField
            label="School district"
            name="district"
            value={v.district ?? ''}
            onChange={set('district')}
            error={f('district.name')}
          />
          <Choices
            legend="What is the disagreement about?"
            hint="Choose all that fit."
            type="checkbox"
            name="categories"
            options={pack.issueTemplates.value.map((i) => ({ value: i.id, label: i.label }))}
            value={issues}
            onChange={setIssues}
            error={f('categories')}
          />
        </>
      ) : null}
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
          <TextField
            label="Court"
            name="court"
            value={v.court ?? ''}
            onChange={set('court')}
            error={f('court')}
          />
          <TextField
            label="Circuit number"
            name="circuit"
            inputMode="numeric"
            value={v.circuit ?? ''}
            onChange={set('circuit')}
            error={f('circuit')}
          />
          <TextField
            label="Court case number"
            name="caseNumber"
            value={v.caseNumber ?? ''}
            onChange={set('caseNumber')}
            error={f('caseNumber')}
          />
          <TextField
            label="Date of the court’s order"
            name="orderDate"
            type="date"
            value={v.orderDate ?? ''}
            onChange={set('orderDate')}
            error={f('orderDate')}
          />
          {pack.optOut.value.allowed ? (
            <TextField
              label="Deadline to begin mediation"
              name="beginBy"
              type="date"
              value={v.beginBy ?? ''}
              onChange={set('beginBy')}
              error={f('beginBy')}
            />
          ) : null}
          <Choices
            legend="Issues the court sent to mediation"
            type="checkbox"
            name="issues"
            options={pack.issueTemplates.value.map((i) => ({ value: i.id, label: i.label }))}
            value={issues}
            onChange={setIssues}
            error={f('issues')}
          />
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
      <TextField
        label={form === 'special_education' ? 'Name of the district’s contact person' : 'Their name'}
        name="otherName"
        value={v.otherName ?? ''}
        onChange={set('otherName')}
        error={f('respondent.name')}
      />
      <TextField
        label="Their e-mail address"
        name="otherEmail"
        type="email"
        hint="We e-mail them a link to say yes or no."
        value={v.otherEmail ?? ''}
        onChange={set('otherEmail')}
        error={f('respondent.email')}
      />
      {!isCoordinator ? (
        <>
          <h2>4. How can the program reach you? (optional)</h2>
          <p className="muted">
            Only your side, the mediator and the program see these. You can ask to keep them private.
          </p>
          <TextField
            label="Your mailing address"
            name="address"
            autoComplete="street-address"
            value={v.address ?? ''}
            onChange={set('address')}
            error={f('requester.address')}
          />
          <TextField
            label="Your phone number"
            name="phone"
            type="tel"
            autoComplete="tel"
            value={v.phone ?? ''}
            onChange={set('phone')}
            error={f('requester.phone')}
          />
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
      <div className="form-actions">
        <Button type="submit" busy={submit.busy} busyLabel="Sending your request…">
          Send my request
        </Button>
      </div>
    </form>
  );
}
