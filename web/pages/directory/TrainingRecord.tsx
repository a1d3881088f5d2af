import { useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { COURSE_KINDS } from '../../../domain/eligibility.ts';
import { useChange } from '../../api/change.ts';
import { api } from '../../api/client.ts';
import { Button } from '../../components/Button.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { FileField, Select, TextField } from '../../components/Field.tsx';
import { courseKindLabel } from './labels.ts';
import { ownKey, readUpload } from './MyProfilePage.tsx';
import type { OwnProfile } from './types.ts';

/** The training record on "My directory profile": what each list needs, courses, certificates, the affidavit. */
export function TrainingRecord({ profile: p }: { profile: OwnProfile }) {
  const client = useQueryClient();
  const update = (data: { profile: OwnProfile }) => client.setQueryData(ownKey, data);
  const add = useChange(
    async (input: { body: Record<string, unknown>; file: File | null }) =>
      api.post<{ profile: OwnProfile }>('/api/v1/directory/me/courses', {
        ...input.body,
        certificate: input.file ? await readUpload(input.file) : null,
      }),
    { onSuccess: update },
  );
  const remove = useChange(
    (id: string) => api.delete<{ profile: OwnProfile }>(`/api/v1/directory/me/courses/${id}`),
    { onSuccess: update },
  );
  const affidavit = useChange(
    async (file: File) =>
      api.put<{ profile: OwnProfile }>('/api/v1/directory/me/affidavit', await readUpload(file)),
    { onSuccess: update },
  );
  const fieldError = add.field;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const f = new FormData(form);
    const file = f.get('certificate');
    add.run(
      {
        body: {
          provider: String(f.get('provider') ?? ''),
          title: String(f.get('title') ?? ''),
          date: String(f.get('date') ?? ''),
          hours: Number(f.get('hours') ?? 0),
          kind: String(f.get('kind') ?? ''),
        },
        file: file instanceof File && file.size > 0 ? file : null,
      },
      { onSuccess: () => form.reset() },
    );
  }

  return (
    <section aria-labelledby="training" className="directory-training-record">
      <h2 id="training">My training record</h2>
      <ul className="directory-eligibility">
        {p.eligibility.map((e) => (
          <li key={e.roster} className={e.met ? 'eligible' : 'not-eligible'}>
            {e.met ? (
              <strong>{e.metText}</strong>
            ) : (
              <>
                <strong>{e.label}: not yet.</strong> Missing:
                <ul>
                  {e.missing.map((x) => (
                    <li key={x.code}>
                      {x.text} <span className="muted">({x.citation})</span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </li>
        ))}
      </ul>

      <table className="directory-training">
        <caption>Courses ({p.verifiedHours} verified hours)</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Training</th>
            <th scope="col">Hours</th>
            <th scope="col">Checked</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {p.courses.map((c) => (
            <tr key={c.id}>
              <td>{c.date}</td>
              <td>
                {courseKindLabel(c.kind)}, {c.provider}
                {c.title ? ` (${c.title})` : ''}
                {c.certificateFileId ? (
                  <>
                    {' '}
                    · <a href={`/api/v1/directory/documents/${c.certificateFileId}`}>certificate</a>
                  </>
                ) : null}
              </td>
              <td>{c.hours}</td>
              <td>{c.verified ? 'Verified' : 'Waiting'}</td>
              <td>
                {c.verified ? null : (
                  <Button
                    variant="link"
                    onClick={() => remove.run(c.id)}
                    aria-label={`Remove the course of ${c.date}`}
                  >
                    Remove
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>Add a course</h3>
      <ChangeStatus of={add} />
      <form className="form" onSubmit={submit}>
        <TextField label="Who gave the training" name="provider" required error={fieldError('provider')} />
        <TextField label="Course title (optional)" name="title" />
        <TextField label="Date" name="date" type="date" required error={fieldError('date')} />
        <TextField
          label="Hours"
          name="hours"
          type="number"
          step="0.5"
          min="0.5"
          required
          error={fieldError('hours')}
        />
        <Select label="Kind of training" name="kind" required>
          {COURSE_KINDS.map((k) => (
            <option key={k} value={k}>
              {courseKindLabel(k)}
            </option>
          ))}
        </Select>
        <TextField
          label="Certificate of completion (PDF or image, up to 2 MB)"
          name="certificate"
          type="file"
          accept="application/pdf,image/jpeg,image/png,image/webp"
          error={fieldError('certificate')}
        />
        <Button type="submit" busy={add.busy} busyLabel="Adding…">
          Add the course
        </Button>
      </form>

      <h3>Rule 88.05 affidavit</h3>
      <p>
        {p.affidavitFileId
          ? p.affidavitVerified
            ? 'Your affidavit is on file and checked.'
            : 'Your affidavit is uploaded and waiting to be checked.'
          : 'To be on the domestic relations list, upload your signed affidavit.'}
      </p>
      <ChangeStatus of={affidavit} />
      <FileField
        label="Upload the affidavit (PDF or image, up to 2 MB)"
        accept="application/pdf,image/jpeg,image/png,image/webp"
        onFile={(file) => affidavit.run(file)}
      />
    </section>
  );
}
