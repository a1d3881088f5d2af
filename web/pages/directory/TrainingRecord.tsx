import type { FormEvent } from 'react';
import type { CourseBody, ProfileRecord } from '../../../contracts/directory-profiles.ts';
import * as directoryProfiles from '../../../contracts/directory-profiles.ts';
import { COURSE_KINDS } from '../../../domain/eligibility.ts';
import { useChange } from '../../api/change.ts';
import { call, href } from '../../api/client.ts';
import { useKeepOwnProfile } from '../../api/directory.ts';
import { readUpload } from '../../api/files.ts';
import { Button } from '../../components/Button.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { FileField, Options, Select, TextField } from '../../components/Field.tsx';
import { TableHead } from '../../components/TableHead.tsx';
import { EligibilityList } from './EligibilityList.tsx';
import { courseKindLabel, oneOf } from './labels.ts';

const TYPES = 'application/pdf,image/jpeg,image/png,image/webp';

/** After a course's line, its certificate to open: " · certificate". */
export function CertificateLink({ fileId }: { fileId: string }) {
  return (
    <>
      {' '}
      · <a href={href(directoryProfiles.getDocument, { fileId })}>certificate</a>
    </>
  );
}

/** The training record on "My directory profile": what each list needs, courses, certificates, the affidavit. */
export function TrainingRecord({ profile: p }: { profile: ProfileRecord }) {
  const keep = useKeepOwnProfile();
  const add = useChange(
    async (input: { body: Omit<CourseBody, 'certificate'>; file: File | null }) =>
      call(directoryProfiles.addOwnCourse, {
        body: { ...input.body, certificate: input.file ? await readUpload(input.file) : null },
      }),
    { onSuccess: keep, success: 'The course is added to your training record.' },
  );
  const remove = useChange(
    (courseId: string) => call(directoryProfiles.removeOwnCourse, { params: { courseId } }),
    {
      onSuccess: keep,
    },
  );
  const affidavit = useChange(
    async (file: File) => call(directoryProfiles.uploadOwnAffidavit, { body: await readUpload(file) }),
    { onSuccess: keep, success: 'Your affidavit is uploaded. Staff check it before it counts.' },
  );
  const fieldError = add.field;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const f = new FormData(form);
    const file = f.get('certificate');
    const kind = f.get('kind');
    if (!oneOf(COURSE_KINDS)(kind)) return;
    add.run(
      {
        body: {
          provider: String(f.get('provider') ?? ''),
          title: String(f.get('title') ?? ''),
          date: String(f.get('date') ?? ''),
          hours: Number(f.get('hours') ?? 0),
          kind,
        },
        file: file instanceof File && file.size > 0 ? file : null,
      },
      { onSuccess: () => form.reset() },
    );
  }

  return (
    <section aria-labelledby="training" className="directory-training-record">
      <h2 id="training">My training record</h2>
      <EligibilityList lines={p.eligibility} missing="Missing:" />

      <table className="directory-training">
        <caption>Courses ({p.verifiedHours} verified hours)</caption>
        <TableHead columns={['Date', 'Training', 'Hours', 'Checked']} buttons="Actions" />
        <tbody>
          {p.courses.map((c) => (
            <tr key={c.id}>
              <td>{c.date}</td>
              <td>
                {courseKindLabel(c.kind)}, {c.provider}
                {c.title ? ` (${c.title})` : ''}
                {c.certificateFileId ? <CertificateLink fileId={c.certificateFileId} /> : null}
              </td>
              <td>{c.hours}</td>
              <td>{c.verified ? 'Verified' : 'Waiting'}</td>
              <td>
                {c.can.remove ? (
                  <Button
                    variant="link"
                    onClick={() => remove.run(c.id)}
                    aria-label={`Remove the course of ${c.date}`}
                  >
                    Remove
                  </Button>
                ) : null}
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
          <Options values={COURSE_KINDS} words={courseKindLabel} />
        </Select>
        <TextField
          label="Certificate of completion (PDF or image, up to 2 MB)"
          name="certificate"
          type="file"
          accept={TYPES}
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
        accept={TYPES}
        onFile={(file) => affidavit.run(file)}
      />
    </section>
  );
}
