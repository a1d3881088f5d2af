import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useChange } from '../../api/change.ts';
import { api } from '../../api/client.ts';
import { Button } from '../../components/Button.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { TextField } from '../../components/Field.tsx';

type Job = {
  id: string;
  title: string;
  organization: string;
  location: string;
  description: string;
  howToApply: string;
  expiresOn: string;
  mine: boolean;
};

const EMPTY = { title: '', organization: '', location: '', description: '', howToApply: '', expiresOn: '' };

/** Job listings for members: read, post with an expiry date, and alerts. */
export function JobsSection() {
  const jobs = useQuery({ queryKey: ['jobs'], queryFn: () => api.get<Job[]>('/api/v1/association/jobs') });
  const alerts = useQuery({
    queryKey: ['job-alerts'],
    queryFn: () => api.get<{ subscribed: boolean }>('/api/v1/association/job-alerts'),
  });
  const [form, setForm] = useState(EMPTY);
  const post = useChange(() => api.post('/api/v1/association/jobs', form), {
    invalidates: [['jobs']],
    success: 'Your listing is posted.',
    onSuccess: () => setForm(EMPTY),
  });
  const subscribe = useChange(
    (subscribed: boolean) => api.put('/api/v1/association/job-alerts', { subscribed }),
    { invalidates: [['job-alerts']] },
  );
  const set = (k: keyof typeof EMPTY) => (e: { target: { value: string } }) =>
    setForm({ ...form, [k]: e.target.value });

  function submit(e: FormEvent) {
    e.preventDefault();
    post.run();
  }

  return (
    <section className="panel" aria-labelledby="jobs-title">
      <h2 id="jobs-title">Job listings</h2>
      {alerts.data ? (
        <label>
          <input
            type="checkbox"
            checked={alerts.data.subscribed}
            onChange={(ev) => subscribe.run(ev.target.checked)}
          />{' '}
          E-mail me when a new opening is posted
        </label>
      ) : null}
      {jobs.data?.length === 0 ? <p>No openings right now.</p> : null}
      <ul className="link-list">
        {jobs.data?.map((j) => (
          <li key={j.id}>
            <strong>{j.title}</strong>, {j.organization}, {j.location}. Open until {j.expiresOn}.
            <p>{j.description}</p>
            <p>How to apply: {j.howToApply}</p>
          </li>
        ))}
      </ul>
      <details>
        <summary>Post an opening</summary>
        <ChangeStatus of={[post, subscribe]} />
        <form className="form" onSubmit={submit} noValidate>
          <TextField
            label="Job title"
            name="title"
            value={form.title}
            onChange={set('title')}
            error={post.field('title')}
          />
          <TextField
            label="Organization"
            name="organization"
            value={form.organization}
            onChange={set('organization')}
            error={post.field('organization')}
          />
          <TextField
            label="Place"
            name="location"
            value={form.location}
            onChange={set('location')}
            error={post.field('location')}
          />
          <TextField
            label="About the job"
            name="description"
            value={form.description}
            onChange={set('description')}
            error={post.field('description')}
          />
          <TextField
            label="How to apply"
            name="howToApply"
            value={form.howToApply}
            onChange={set('howToApply')}
            error={post.field('howToApply')}
          />
          <TextField
            label="Listing ends on"
            name="expiresOn"
            type="date"
            value={form.expiresOn}
            onChange={set('expiresOn')}
            error={post.field('expiresOn')}
          />
          <div className="form-actions">
            <Button type="submit" busy={post.busy}>
              Post the opening
            </Button>
          </div>
        </form>
      </details>
    </section>
  );
}
