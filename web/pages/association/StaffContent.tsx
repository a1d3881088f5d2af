import { type FormEvent, useState } from 'react';
import * as library from '../../../contracts/library.ts';
import * as newsletter from '../../../contracts/newsletter.ts';
import { useChange } from '../../api/change.ts';
import { call } from '../../api/client.ts';
import { readUpload } from '../../api/files.ts';
import { libraryKeys, useForms } from '../../api/library.ts';
import { newsletterKeys, useNewsletterIssues } from '../../api/newsletter.ts';
import { Button } from '../../components/Button.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Select, TextArea, TextField } from '../../components/Field.tsx';
import { useFormValues } from '../../components/form-values.ts';

type Upload = { target: string; title: string; category: string; file: File | null };

export function FormsLibrary() {
  const forms = useForms();
  const [file, setFile] = useState<File | null>(null);
  const upload = useChange(
    async ({ target, title, category, file }: Upload) => {
      const sent = file ? await readUpload(file) : { filename: '', contentBase64: '' };
      return target
        ? call(library.addVersion, { params: { formId: target }, body: { file: sent } })
        : call(library.addForm, { body: { title, category, file: sent } });
    },
    { invalidates: [libraryKeys.forms()], success: 'The form is in the library.' },
  );
  const form = useFormValues({ target: '', title: '', category: '' }, upload);
  function submit(e: FormEvent) {
    e.preventDefault();
    upload.run({ ...form.values, file });
  }
  return (
    <section className="panel" aria-labelledby="forms-staff">
      <h2 id="forms-staff">Add a form or a new version</h2>
      <ChangeStatus of={upload} />
      <form className="form" onSubmit={submit} noValidate>
        <Select label="Upload as" {...form.bind('target')}>
          <option value="">A new form</option>
          {forms.data?.map((f) => (
            <option key={f.id} value={f.id}>
              A new version of {f.title}
            </option>
          ))}
        </Select>
        {!form.values.target ? (
          <>
            <TextField label="Form title" {...form.bind('title')} />
            <TextField label="Category" {...form.bind('category')} />
          </>
        ) : null}
        <TextField
          label="File (PDF, Word, OpenDocument or RTF)"
          name="file"
          type="file"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          error={upload.field('file') ?? upload.field('file.contentBase64')}
        />
        <Button type="submit" busy={upload.busy}>
          Upload
        </Button>
      </form>
    </section>
  );
}

const EMPTY_ISSUE = { title: '', issueLabel: '', summary: '', body: '' };

export function Newsletter() {
  const issues = useNewsletterIssues();
  const draft = useChange((body: typeof EMPTY_ISSUE) => call(newsletter.createIssue, { body }), {
    invalidates: [newsletterKeys.issues()],
    success: 'Draft saved. Publish it when it is ready.',
  });
  const form = useFormValues(EMPTY_ISSUE, draft);
  const publish = useChange((issueId: string) => call(newsletter.publishIssue, { params: { issueId } }), {
    invalidates: [newsletterKeys.issues()],
    success: 'Published. It is in the archive and on its way to members.',
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    draft.run(form.values);
  }
  return (
    <section className="panel" aria-labelledby="news-staff">
      <h2 id="news-staff">The Communicator</h2>
      <ChangeStatus of={[draft, publish]} />
      <ul>
        {issues.data?.map((i) => (
          <li key={i.id}>
            {i.issueLabel}: {i.title} ({i.status === 'draft' ? 'draft' : 'published'}){' '}
            {i.can.publish ? (
              <Button variant="secondary" busy={publish.busy} onClick={() => publish.run(i.id)}>
                Publish and mail {i.title}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      <form className="form" onSubmit={submit} noValidate>
        <TextField label="Title" {...form.bind('title')} />
        <TextField label="Issue (for example Spring 2026)" {...form.bind('issueLabel')} />
        <TextField label="Summary" {...form.bind('summary')} />
        <TextArea label="The issue" rows={8} {...form.bind('body')} />
        <Button type="submit" busy={draft.busy}>
          Save draft
        </Button>
      </form>
    </section>
  );
}
