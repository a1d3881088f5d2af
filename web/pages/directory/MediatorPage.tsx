import { type FormEvent, useState } from 'react';
import { Trans } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ContactBody } from '../../../contracts/directory.ts';
import * as directory from '../../../contracts/directory.ts';
import * as directoryReview from '../../../contracts/directory-review.ts';
import { useChange } from '../../api/change.ts';
import { call, errorMessage } from '../../api/client.ts';
import { directoryKeys, usePublicProfile } from '../../api/directory.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { TextArea, TextField } from '../../components/Field.tsx';
import { useFormValues } from '../../components/form-values.ts';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { Section } from '../../components/Section.tsx';
import './directory.css';
import { EligibilityList } from './EligibilityList.tsx';
import { modeOf, useDirectoryLabels } from './labels.ts';

/** /mediators/:id — a mediator's public profile, what their training qualifies them for, and a way to write to them. */
export function MediatorPage() {
  const { profileId = '' } = useParams();
  const labels = useDirectoryLabels();
  const { t } = labels;
  const profile = usePublicProfile(profileId);
  if (profile.isPending) return <Loading what={t('profile.loading')} />;
  if (profile.isError)
    return (
      <Page title={t('profile.notFound')}>
        <Alert tone="error">{errorMessage(profile.error)}</Alert>
        <p>
          <Link to="/find-a-mediator">{t('profile.searchDirectory')}</Link>
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
          <dt>{t('profile.helpsWith')}</dt>
          <dd>{m.areas.map(labels.area).join(', ') || t('profile.notStated')}</dd>
          <dt>{t('profile.where')}</dt>
          <dd>
            {m.statewide
              ? t('profile.allMissouri')
              : !m.statewide && m.circuits.length
                ? t('profile.countiesInCircuits', {
                    counties: m.counties.map((c) => c.name).join(', '),
                    circuits: m.circuits.join(', '),
                  })
                : m.counties.map((c) => c.name).join(', ')}
          </dd>
          <dt>{t('profile.how')}</dt>
          <dd>{t('profile.modes', { mode: modeOf(m) })}</dd>
          <dt>{t('profile.languages')}</dt>
          <dd>{m.languages.map(labels.language).join(', ')}</dd>
          <dt>{t('profile.fees')}</dt>
          <dd>{labels.fees(m)}</dd>
          <dt>{t('profile.newCases')}</dt>
          <dd>{t(m.acceptingCases ? 'profile.taking' : 'profile.notTaking')}</dd>
          {m.yearsPractice !== null ? (
            <>
              <dt>{t('profile.experience')}</dt>
              <dd>{t('profile.years', { count: m.yearsPractice })}</dd>
            </>
          ) : null}
          {m.website ? (
            <>
              <dt>{t('profile.website')}</dt>
              <dd>
                <a href={m.website} rel="noopener noreferrer nofollow">
                  {m.website}
                </a>
              </dd>
            </>
          ) : null}
          {m.phone ? (
            <>
              <dt>{t('profile.phone')}</dt>
              <dd>{m.phone}</dd>
            </>
          ) : null}
        </dl>
      </div>
      {m.bio ? (
        <Section id="about" title={t('profile.about')}>
          <p className="directory-bio">{m.bio}</p>
        </Section>
      ) : null}

      <Section id="qualifications" title={t('profile.lists')}>
        <p>
          <Trans
            t={t}
            i18nKey="profile.listsIntro"
            components={{ standards: <Link to="/standards-of-conduct" /> }}
          />
        </p>
        {m.eligibility.length ? (
          <EligibilityList lines={m.eligibility} missing={t('profile.missing')} />
        ) : (
          <p>{t('profile.notListed')}</p>
        )}
        <p className="muted">{t('profile.verifiedHours', { hours: m.verifiedHours })}</p>
        {m.training.length ? (
          <table className="directory-training">
            <caption>{t('profile.training')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('profile.date')}</th>
                <th scope="col">{t('profile.course')}</th>
                <th scope="col">{t('profile.hours')}</th>
              </tr>
            </thead>
            <tbody>
              {m.training.map((course) => (
                <tr key={`${course.date}-${course.kind}-${course.provider}-${course.hours}`}>
                  <td>{labels.formats.date(course.date)}</td>
                  <td>
                    {t('profile.courseBy', {
                      kind: labels.courseKind(course.kind),
                      provider: course.provider,
                    })}
                  </td>
                  <td>{course.hours}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </Section>

      {m.can.askToMediate ? (
        <Section id="ask" title={t('profile.ask', { name: m.name })} className="panel">
          <p>{t('profile.askBody', { name: m.name })}</p>
          <Link className="button" to={`/cases/new?mediator=${encodeURIComponent(m.id)}`}>
            {t('profile.askButton')}
          </Link>
        </Section>
      ) : null}
      <ContactForm profileId={m.id} name={m.name} />
      {m.can.setSpecialEducationAdmission ? <SpecialEducationList profileId={m.id} /> : null}
    </Page>
  );
}

function ContactForm({ profileId, name }: { profileId: string; name: string }) {
  const { t } = useDirectoryLabels();
  const [sent, setSent] = useState<string | null>(null);
  const send = useChange(
    (body: ContactBody) => call(directory.contactMediator, { params: { profileId }, body }),
    { onSuccess: (r) => setSent(r.message) },
  );
  const form = useFormValues({ name: '', email: '', message: '' }, send);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    send.run(form.values);
  }
  return (
    <Section id="contact" title={t('profile.write', { name })} className="panel">
      <p>{t('profile.writeIntro')}</p>
      {sent ? <Alert tone="success">{sent}</Alert> : null}
      <ChangeStatus of={send} />
      {!sent ? (
        <form className="form" onSubmit={submit}>
          <TextField label={t('profile.yourName')} autoComplete="name" required {...form.bind('name')} />
          <TextField
            label={t('profile.yourEmail')}
            type="email"
            autoComplete="email"
            required
            {...form.bind('email')}
          />
          <TextArea
            label={t('profile.yourMessage')}
            hint={t('profile.messageHint')}
            rows={6}
            required
            {...form.bind('message')}
          />
          <Button type="submit" busy={send.busy} busyLabel={t('profile.sending')}>
            {t('profile.send')}
          </Button>
        </form>
      ) : null}
    </Section>
  );
}

/** Shown to the state special-education program's coordinator: admit to the list, or remove. */
function SpecialEducationList({ profileId }: { profileId: string }) {
  const { t } = useDirectoryLabels();
  const admit = useChange(
    (admitted: boolean) =>
      call(directoryReview.setSpecialEducationAdmission, { params: { profileId }, body: { admitted } }),
    {
      invalidates: [directoryKeys.mediator(profileId)],
      success: (_, admitted) => t(admitted ? 'profile.admitted' : 'profile.removed'),
    },
  );
  return (
    <Section id="coordinator" title={t('profile.seList')} className="panel">
      <p>{t('profile.seListBody')}</p>
      <ChangeStatus of={admit} />
      <div className="form-actions">
        <Button onClick={() => admit.run(true)} busy={admit.busy}>
          {t('profile.admit')}
        </Button>
        <Button variant="secondary" onClick={() => admit.run(false)} busy={admit.busy}>
          {t('profile.remove')}
        </Button>
      </div>
    </Section>
  );
}
