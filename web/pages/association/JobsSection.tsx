import * as jobs from '../../../contracts/jobs-board.ts';
import { useChange } from '../../api/change.ts';
import { call } from '../../api/client.ts';
import { jobsBoardKeys, useJobAlerts, useJobListings } from '../../api/jobs-board.ts';
import { Button } from '../../components/Button.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Checkbox, TextField } from '../../components/Field.tsx';
import { useFormValues } from '../../components/form-values.ts';
import { SendForm } from '../../components/SendForm.tsx';

const EMPTY = { title: '', organization: '', location: '', description: '', howToApply: '', expiresOn: '' };

/** Job listings for members: read, post with an expiry date, take one's own down, and alerts. */
export function JobsSection() {
  const listings = useJobListings();
  const alerts = useJobAlerts();
  const post = useChange((body: typeof EMPTY) => call(jobs.postJob, { body }), {
    invalidates: [jobsBoardKeys.listings()],
    success: 'Your listing is posted.',
  });
  const form = useFormValues(EMPTY, post);
  const withdraw = useChange((jobId: string) => call(jobs.withdrawJob, { params: { jobId } }), {
    invalidates: [jobsBoardKeys.listings()],
    success: 'The listing is taken down.',
  });
  const subscribe = useChange((subscribed: boolean) => call(jobs.setJobAlerts, { body: { subscribed } }), {
    invalidates: [jobsBoardKeys.alerts()],
    success: (_, subscribed) =>
      subscribed ? 'We will e-mail you when a job is posted.' : 'Job e-mails are off.',
  });

  return (
    <section className="panel" aria-labelledby="jobs-title">
      <h2 id="jobs-title">Job listings</h2>
      {alerts.data ? (
        <Checkbox
          label="E-mail me when a new opening is posted"
          checked={alerts.data.subscribed}
          onChange={(subscribed) => subscribe.run(subscribed)}
        />
      ) : null}
      <ChangeStatus of={withdraw} />
      {listings.data?.length === 0 ? <p>No openings right now.</p> : null}
      <ul className="link-list">
        {listings.data?.map((j) => (
          <li key={j.id}>
            <strong>{j.title}</strong>, {j.organization}, {j.location}. Open until {j.expiresOn}.
            <p>{j.description}</p>
            <p>How to apply: {j.howToApply}</p>
            {j.can.withdraw ? (
              <Button variant="secondary" busy={withdraw.busy} onClick={() => withdraw.run(j.id)}>
                Take down {j.title}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      <details>
        <summary>Post an opening</summary>
        <ChangeStatus of={[post, subscribe]} />
        <SendForm
          onSend={() => post.run(form.values, { onSuccess: form.reset })}
          busy={post.busy}
          submit="Post the opening"
        >
          <TextField label="Job title" {...form.bind('title')} />
          <TextField label="Organization" {...form.bind('organization')} />
          <TextField label="Place" {...form.bind('location')} />
          <TextField label="About the job" {...form.bind('description')} />
          <TextField label="How to apply" {...form.bind('howToApply')} />
          <TextField label="Listing ends on" type="date" {...form.bind('expiresOn')} />
        </SendForm>
      </details>
    </section>
  );
}
