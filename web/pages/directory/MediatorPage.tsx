import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { ContactBody } from '../../../contracts/directory.ts';
import * as directory from '../../../contracts/directory.ts';
import { useChange } from '../../api/change.ts';
import { call, errorMessage } from '../../api/client.ts';
import { directoryKeys, usePublicProfile } from '../../api/directory.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { TextArea, TextField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import './directory.css';
import { EligibilityList } from './EligibilityList.tsx';
import { areaLabel, courseKindLabel, feesText, languageLabel } from './labels.ts';

/** /mediators/:id — a mediator's public profile, what their training qualifies them for, and a way to write to them. */
export function MediatorPage() {
  const { profileId = '' } = useParams();
  const profile = usePublicProfile(profileId);
  if (profile.isPending) return <Loading what="Loading the profile" />;
  if (profile.isError)
    return (
      <Page title="Mediator not found">
        <Alert tone="error">{errorMessage(profile.error)}</Alert>
        <p>
          <Link to="/find-a-mediator">Search the directory</Link>
        </p>
      </Page>
    );
  const m = profile.data;
  return (
    <Page title={m.name} lead={m.practiceName || undefined}>
      <div className="directory-profile">
        {m.photoUrl ? (
          <img src={m.photoUrl} alt={m.name} className="directory-photo-large" width={160} height={160} />
        ) : null}
        <dl className="directory-facts">
          <dt>Helps with</dt>
          <dd>{m.areas.map(areaLabel).join(', ') || 'Not stated'}</dd>
          <dt>Where</dt>
          <dd>
            {m.statewide ? 'All of Missouri' : m.counties.map((c) => c.name).join(', ')}
            {!m.statewide && m.circuits.length ? ` (judicial circuits ${m.circuits.join(', ')})` : ''}
          </dd>
          <dt>How</dt>
          <dd>
            {[m.inPerson ? 'In person' : null, m.remote ? 'by video or phone' : null]
              .filter(Boolean)
              .join(' or ')}
          </dd>
          <dt>Languages</dt>
          <dd>{m.languages.map(languageLabel).join(', ')}</dd>
          <dt>Fees</dt>
          <dd>{feesText(m)}</dd>
          <dt>New cases</dt>
          <dd>{m.acceptingCases ? 'Taking new cases' : 'Not taking new cases right now'}</dd>
          {m.yearsPractice !== null ? (
            <>
              <dt>Experience</dt>
              <dd>{m.yearsPractice} years</dd>
            </>
          ) : null}
          {m.website ? (
            <>
              <dt>Website</dt>
              <dd>
                <a href={m.website} rel="noopener noreferrer nofollow">
                  {m.website}
                </a>
              </dd>
            </>
          ) : null}
          {m.phone ? (
            <>
              <dt>Phone</dt>
              <dd>{m.phone}</dd>
            </>
          ) : null}
        </dl>
      </div>
      {m.bio ? (
        <section aria-labelledby="about">
          <h2 id="about">About</h2>
          <p className="directory-bio">{m.bio}</p>
        </section>
      ) : null}

      <section aria-labelledby="qualifications">
        <h2 id="qualifications">Court and program lists</h2>
        <p>
          Missouri does not certify mediators. These lines are worked out by Parley from the training record
          that the association has checked; nobody types them in. See the{' '}
          <Link to="/standards-of-conduct">standards of conduct for mediators</Link>.
        </p>
        {m.eligibility.length ? (
          <EligibilityList lines={m.eligibility} missing="What is missing:" />
        ) : (
          <p>Not yet on a court or program list.</p>
        )}
        <p className="muted">{m.verifiedHours} hours of verified training.</p>
        {m.training.length ? (
          <table className="directory-training">
            <caption>Verified training</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Training</th>
                <th scope="col">Hours</th>
              </tr>
            </thead>
            <tbody>
              {m.training.map((t) => (
                <tr key={`${t.date}-${t.kind}-${t.provider}-${t.hours}`}>
                  <td>{t.date}</td>
                  <td>
                    {courseKindLabel(t.kind)}, {t.provider}
                  </td>
                  <td>{t.hours}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>

      {m.can.askToMediate ? (
        <section aria-labelledby="ask" className="panel">
          <h2 id="ask">Ask {m.name} to mediate</h2>
          <p>
            Start a request for mediation that names {m.name}. The program you send it to follows its own
            rules for choosing the mediator, and tells you what happens next.
          </p>
          <Link className="button" to={`/cases/new?mediator=${encodeURIComponent(m.id)}`}>
            Ask this mediator to mediate
          </Link>
        </section>
      ) : null}
      <ContactForm profileId={m.id} name={m.name} />
      {m.can.setSpecialEducationAdmission ? <SpecialEducationList profileId={m.id} /> : null}
    </Page>
  );
}

function ContactForm({ profileId, name }: { profileId: string; name: string }) {
  const [sent, setSent] = useState<string | null>(null);
  const send = useChange(
    (body: ContactBody) => call(directory.contactMediator, { params: { profileId }, body }),
    { onSuccess: (r) => setSent(r.message) },
  );
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    send.run({
      name: String(form.get('name') ?? ''),
      email: String(form.get('email') ?? ''),
      message: String(form.get('message') ?? ''),
    });
  }
  return (
    <section aria-labelledby="contact" className="panel">
      <h2 id="contact">Write to {name}</h2>
      <p>
        Parley sends your message by e-mail. The mediator replies to the address you give; their own address
        stays private.
      </p>
      {sent ? <Alert tone="success">{sent}</Alert> : null}
      <ChangeStatus of={send} />
      {!sent ? (
        <form className="form" onSubmit={submit}>
          <TextField label="Your name" name="name" autoComplete="name" required error={send.field('name')} />
          <TextField
            label="Your e-mail address"
            name="email"
            type="email"
            autoComplete="email"
            required
            error={send.field('email')}
          />
          <TextArea
            label="Your message"
            hint="What kind of disagreement, and where. Do not include anything you would not want written down."
            name="message"
            rows={6}
            required
            error={send.field('message')}
          />
          <Button type="submit" busy={send.busy} busyLabel="Sending…">
            Send the message
          </Button>
        </form>
      ) : null}
    </section>
  );
}

/** Shown to the state special-education program's coordinator: admit to the list, or remove. */
function SpecialEducationList({ profileId }: { profileId: string }) {
  const admit = useChange(
    (admitted: boolean) =>
      call(directory.setSpecialEducationAdmission, { params: { profileId }, body: { admitted } }),
    {
      invalidates: [directoryKeys.mediator(profileId)],
      success: (_, admitted) =>
        admitted
          ? 'Admitted to the state special-education list.'
          : 'Removed from the state special-education list.',
    },
  );
  return (
    <section aria-labelledby="coordinator" className="panel">
      <h2 id="coordinator">State special-education list</h2>
      <p>As the state program’s coordinator you decide who is on the list.</p>
      <ChangeStatus of={admit} />
      <div className="form-actions">
        <Button onClick={() => admit.run(true)} busy={admit.busy}>
          Admit to the list
        </Button>
        <Button variant="secondary" onClick={() => admit.run(false)} busy={admit.busy}>
          Remove from the list
        </Button>
      </div>
    </section>
  );
}
