import { Trans } from 'react-i18next';
import { Link, useParams } from 'react-router';
import * as events from '../../../contracts/events.ts';
import { useSession } from '../../api/accounts.ts';
import { useChange } from '../../api/change.ts';
import { call, errorMessage, href } from '../../api/client.ts';
import { eventKeys, useEvent } from '../../api/events.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import './association.css';
import { CreditsList, useAssociationWords } from './public-parts.tsx';

/** /trainings/:id: one training, with registration, cancellation and its calendar file. */
export function TrainingPage() {
  const { id = '' } = useParams();
  const session = useSession();
  const event = useEvent(id);
  const words = useAssociationWords();
  const { t } = words;
  const cancel = useChange(
    (registrationId: string) => call(events.cancelRegistration, { params: { registrationId } }),
    { invalidates: [eventKeys.all], success: t('training.canceled') },
  );
  const register = useChange(() => call(events.register, { params: { eventId: id } }), {
    invalidates: [eventKeys.all],
    success: t('training.registered'),
  });

  if (event.isPending) return <Loading what={t('training.loading')} />;
  if (event.isError)
    return (
      <Page title={t('training.notFound')}>
        <Alert tone="error">{errorMessage(event.error)}</Alert>
      </Page>
    );
  const e = event.data;
  const mine = e.myRegistration;

  return (
    <Page title={e.title} lead={t('training.lead', { kind: words.eventKind(e.kind), provider: e.provider })}>
      <ChangeStatus of={[cancel, register]} />
      <section className="panel" aria-labelledby="when">
        <h2 id="when">{t('training.when')}</h2>
        {e.recorded ? (
          <p>{t('trainings.anyTime')}</p>
        ) : (
          <ol className="event-sessions">
            {e.sessions.map((s, i) => (
              <li key={s.id}>
                {e.sessions.length > 1 ? <strong>{t('training.day', { day: i + 1 })} </strong> : null}
                {words.session(s)} ({t('hours', { hours: s.hours })})
              </li>
            ))}
          </ol>
        )}
        <dl className="facts">
          {e.sessions.length > 1 ? (
            <div>
              <dt>{t('training.inAll')}</dt>
              <dd>{t('training.inAllValue', { days: e.sessions.length, hours: e.scheduledHours })}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t('training.place')}</dt>
            <dd>{e.place ?? t('online')}</dd>
          </div>
          <div>
            <dt>{t('training.price')}</dt>
            <dd>{words.price(e.memberPriceCents, e.priceCents)}</dd>
          </div>
          <div>
            <dt>{t('training.seats')}</dt>
            <dd>
              {[
                e.capacity === null
                  ? t('training.noLimit')
                  : t('training.seatsOf', { left: e.seatsLeft, capacity: e.capacity }),
                e.waiting > 0 ? t('training.waiting', { waiting: e.waiting }) : null,
              ]
                .filter(Boolean)
                .join(', ')}
            </dd>
          </div>
        </dl>
        {e.description ? <p>{e.description}</p> : null}
        {e.credits.length ? (
          <>
            <h3>{t('training.credits')}</h3>
            {e.sessions.length > 1 ? <p>{t('training.creditedOnce')}</p> : null}
            <CreditsList credits={e.credits} />
          </>
        ) : null}
        <p>
          <a href={href(events.getEventCalendar, { eventId: e.id })}>{t('training.calendar')}</a>
        </p>
      </section>

      <section className="panel" aria-labelledby="your-place">
        <h2 id="your-place">{t('training.yourPlace')}</h2>
        {!session.data?.user ? (
          <p>
            <Trans t={t} i18nKey="training.signIn" components={{ signIn: <Link to="/sign-in" /> }} />
          </p>
        ) : mine ? (
          <>
            <p data-testid="registration-status">
              {t('training.status', { status: words.registrationStatus(mine.status) })}{' '}
              {mine.priceCents > 0
                ? t('training.fee', { amount: words.money(mine.priceCents), paid: mine.paid ? 'yes' : 'no' })
                : ''}
            </p>
            {mine.priceCents > 0 && !mine.paid && mine.status !== 'cancelled' ? (
              <p>{t('training.howToPay')}</p>
            ) : null}
            {e.can.cancel ? (
              <Button variant="secondary" busy={cancel.busy} onClick={() => cancel.run(mine.id)}>
                {t('training.cancel')}
              </Button>
            ) : null}
          </>
        ) : e.can.register ? (
          <Button busy={register.busy} onClick={() => register.run()}>
            {e.seatsLeft === 0 ? t('training.waitlist') : t('training.register')}
          </Button>
        ) : (
          <p>{t('training.closed')}</p>
        )}
      </section>
      <p>
        <Link to="/trainings">{t('training.all')}</Link>
      </p>
    </Page>
  );
}
