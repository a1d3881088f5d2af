import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useChange } from '../../api/change.ts';
import { api } from '../../api/client.ts';
import { Button } from '../../components/Button.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Select, TextArea, TextField } from '../../components/Field.tsx';
import { fileToBase64 } from './shared.tsx';

type Form = { id: string; title: string; version: number };
type Issue = { id: string; title: string; issueLabel: string; status: string };

function FormsLibrary() {
  const forms = useQuery({
    queryKey: ['forms'],
    queryFn: () => api.get<Form[]>('/api/v1/association/forms'),
  });
  const [title, setTitle] = useState('');
  const [category, setCategory] = useState('');
  const [target, setTarget] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const upload = useChange(
    async () => {
      const sent = { filename: file?.name ?? '', contentBase64: file ? await fileToBase64(file) : '' };
      if (target) await api.post(`/api/v1/association/forms/${target}/versions`, { file: sent });
      else await api.post('/api/v1/association/forms', { title, category, file: sent });
    },
    { invalidates: [['forms']], success: 'The form is in the library.' },
  );
  function submit(e: FormEvent) {
    e.preventDefault();
    upload.run();
  }
  return (
    <section className="panel" aria-labelledby="forms-staff">
      <h2 id="forms-staff">Forms library</h2>
      <ChangeStatus of={upload} />
      <ul>
        {forms.data?.map((f) => (
          <li key={f.id}>
            {f.title}, version {f.version}
          </li>
        ))}
      </ul>
      <form className="form" onSubmit={submit} noValidate>
        <Select label="Upload as" value={target} onChange={(e) => setTarget(e.target.value)}>
          <option value="">A new form</option>
          {forms.data?.map((f) => (
            <option key={f.id} value={f.id}>
              A new version of {f.title}
            </option>
          ))}
        </Select>
        {!target ? (
          <>
            <TextField
              label="Form title"
              name="title"
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              error={upload.field('title')}
            />
            <TextField
              label="Category"
              name="category"
              value={category}
              onChange={(e) => setCategory(e.target.value)}
              error={upload.field('category')}
            />
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

function Newsletter() {
  const issues = useQuery({
    queryKey: ['newsletter'],
    queryFn: () => api.get<Issue[]>('/api/v1/association/newsletter'),
  });
  const [f, setF] = useState({ title: '', issueLabel: '', summary: '', body: '' });
  const draft = useChange(() => api.post('/api/v1/association/newsletter', f), {
    invalidates: [['newsletter']],
    success: 'Draft saved. Publish it when it is ready.',
  });
  const publish = useChange(
    (issueId: string) => api.post(`/api/v1/association/newsletter/${issueId}/publish`),
    {
      invalidates: [['newsletter']],
      success: 'Published. It is in the archive and on its way to members.',
    },
  );
  function submit(e: FormEvent) {
    e.preventDefault();
    draft.run();
  }
  return (
    <section className="panel" aria-labelledby="news-staff">
      <h2 id="news-staff">The Communicator</h2>
      <ChangeStatus of={[draft, publish]} />
      <ul>
        {issues.data?.map((i) => (
          <li key={i.id}>
            {i.issueLabel}: {i.title} ({i.status === 'draft' ? 'draft' : 'published'}){' '}
            {i.status === 'draft' ? (
              <Button variant="secondary" busy={publish.busy} onClick={() => publish.run(i.id)}>
                Publish and mail {i.title}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          label="Title"
          name="title"
          value={f.title}
          onChange={(e) => setF({ ...f, title: e.target.value })}
          error={draft.field('title')}
        />
        <TextField
          label="Issue (for example Spring 2026)"
          name="issueLabel"
          value={f.issueLabel}
          onChange={(e) => setF({ ...f, issueLabel: e.target.value })}
          error={draft.field('issueLabel')}
        />
        <TextField
          label="Summary"
          name="summary"
          value={f.summary}
          onChange={(e) => setF({ ...f, summary: e.target.value })}
          error={draft.field('summary')}
        />
        <TextArea
          label="The issue"
          rows={8}
          value={f.body}
          onChange={(e) => setF({ ...f, body: e.target.value })}
          error={draft.field('body')}
        />
        <Button type="submit" busy={draft.busy}>
          Save draft
        </Button>
      </form>
    </section>
  );
}

export function StaffContent() {
  return (
    <>
      <FormsLibrary />
      <Newsletter />
    </>
  );
}
