import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';
import { fileToBase64, useAction } from './shared.tsx';

type Form = { id: string; title: string; version: number };
type Issue = { id: string; title: string; issueLabel: string; status: string };

function FormsLibrary() {
  const client = useQueryClient();
  const forms = useQuery({
    queryKey: ['forms'],
    queryFn: () => api.get<Form[]>('/api/v1/association/forms'),
  });
  const action = useAction();
  const [title, setTitle] = useState('');
  const [category, setCategory] = useState('');
  const [target, setTarget] = useState('');
  const [file, setFile] = useState<File | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    await action.run(async () => {
      const upload = { filename: file?.name ?? '', contentBase64: file ? await fileToBase64(file) : '' };
      if (target) await api.post(`/api/v1/association/forms/${target}/versions`, { file: upload });
      else await api.post('/api/v1/association/forms', { title, category, file: upload });
      await client.invalidateQueries({ queryKey: ['forms'] });
    }, 'The form is in the library.');
  }
  return (
    <section className="panel" aria-labelledby="forms-staff">
      <h2 id="forms-staff">Forms library</h2>
      {action.message ? <Alert tone="success">{action.message}</Alert> : null}
      {action.error ? <Alert tone="error">{action.error.message}</Alert> : null}
      <ul>
        {forms.data?.map((f) => (
          <li key={f.id}>
            {f.title}, version {f.version}
          </li>
        ))}
      </ul>
      <form className="form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="form-target">Upload as</label>
          <select id="form-target" value={target} onChange={(e) => setTarget(e.target.value)}>
            <option value="">A new form</option>
            {forms.data?.map((f) => (
              <option key={f.id} value={f.id}>
                A new version of {f.title}
              </option>
            ))}
          </select>
        </div>
        {!target ? (
          <>
            <TextField
              label="Form title"
              name="title"
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              error={action.field('title')}
            />
            <TextField
              label="Category"
              name="category"
              value={category}
              onChange={(e) => setCategory(e.target.value)}
              error={action.field('category')}
            />
          </>
        ) : null}
        <TextField
          label="File (PDF, Word, OpenDocument or RTF)"
          name="file"
          type="file"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          error={action.field('file') ?? action.field('file.contentBase64')}
        />
        <Button type="submit" busy={action.busy}>
          Upload
        </Button>
      </form>
    </section>
  );
}

function Newsletter() {
  const client = useQueryClient();
  const issues = useQuery({
    queryKey: ['issues'],
    queryFn: () => api.get<Issue[]>('/api/v1/association/newsletter'),
  });
  const action = useAction();
  const [f, setF] = useState({ title: '', issueLabel: '', summary: '', body: '' });
  async function submit(e: FormEvent) {
    e.preventDefault();
    await action.run(async () => {
      await api.post('/api/v1/association/newsletter', f);
      await client.invalidateQueries({ queryKey: ['issues'] });
    }, 'Draft saved. Publish it when it is ready.');
  }
  return (
    <section className="panel" aria-labelledby="news-staff">
      <h2 id="news-staff">The Communicator</h2>
      {action.message ? <Alert tone="success">{action.message}</Alert> : null}
      {action.error ? <Alert tone="error">{action.error.message}</Alert> : null}
      <ul>
        {issues.data?.map((i) => (
          <li key={i.id}>
            {i.issueLabel}: {i.title} ({i.status === 'draft' ? 'draft' : 'published'}){' '}
            {i.status === 'draft' ? (
              <Button
                variant="secondary"
                busy={action.busy}
                onClick={() =>
                  action.run(async () => {
                    await api.post(`/api/v1/association/newsletter/${i.id}/publish`);
                    await client.invalidateQueries({ queryKey: ['issues'] });
                  }, 'Published. It is in the archive and on its way to members.')
                }
              >
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
          error={action.field('title')}
        />
        <TextField
          label="Issue (for example Spring 2026)"
          name="issueLabel"
          value={f.issueLabel}
          onChange={(e) => setF({ ...f, issueLabel: e.target.value })}
          error={action.field('issueLabel')}
        />
        <TextField
          label="Summary"
          name="summary"
          value={f.summary}
          onChange={(e) => setF({ ...f, summary: e.target.value })}
          error={action.field('summary')}
        />
        <div className={`field${action.field('body') ? ' field-invalid' : ''}`}>
          <label htmlFor="issue-body">The issue</label>
          {action.field('body') ? (
            <p className="field-error" id="issue-body-error">
              {action.field('body')}
            </p>
          ) : null}
          <textarea
            id="issue-body"
            rows={8}
            value={f.body}
            onChange={(e) => setF({ ...f, body: e.target.value })}
            aria-invalid={action.field('body') ? true : undefined}
            aria-describedby={action.field('body') ? 'issue-body-error' : undefined}
          />
        </div>
        <Button type="submit" busy={action.busy}>
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
