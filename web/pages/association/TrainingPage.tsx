import { Link, useParams } from 'react-router';
import * as events from '../../../contracts/events.ts';
import { priceText, sessionText } from '../../../domain/event-schedule.ts';
import { dollars } from '../../../domain/membership.ts';
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
import { CreditsList, EVENT_KIND_LABELS, STATUS_LABELS } from './shared.tsx';

/** /trainings/:id: one training, with registration, cancellation and its calendar file. */
export function TrainingPage() {
  const { id = '' } = useParams();
  const session = useSession();
  const event = useEvent(id);
  const cancel = useChange(
    (registrationId: string) => call(events.cancelRegistration, { params: { registrationId } }),
    {
      invalidates: [eventKeys.all],
      success: 'Your place is canceled. If someone was waiting, the seat is now theirs.',
    },
  );
  const register = useChange(() => call(events.register, { params: { eventId: id } }), {
    invalidates: [eventKeys.all],
    success: 'Done. We e-mailed you the details.',
  });

  if (event.isPending) return <Loading what="Loading the training" />;
  if (event.isError)
    return (
      <Page title="Training not found">
        <Alert tone="error">{errorMessage(event.error)}</Alert>
      </Page>
    );
  const e = event.data;
  const mine = e.myRegistration;

  return (
    <Page title={e.title} lead={`${EVENT_KIND_LABELS[e.kind] ?? e.kind}, given by ${e.provider}.`}>
      <ChangeStatus of={[cancel, register]} />
      <section className="panel" aria-labelledby="when">
        <h2 id="when">When and where</h2>
        {e.recorded ? (
          <p>Watch any time.</p>
        ) : (
          <ol className="event-sessions">
            {e.sessions.map((s, i) => (
              <li key={s.id}>
                {e.sessions.length > 1 ? <strong>Day {i + 1}: </strong> : null}
                {sessionText(s)} ({s.hours} {s.hours === 1 ? 'hour' : 'hours'})
              </li>
            ))}
          </ol>
        )}
        <dl className="facts">
          {e.sessions.length > 1 ? (
            <div>
              <dt>In all</dt>
              <dd>
                {e.sessions.length} days, {e.scheduledHours} hours
              </dd>
            </div>
          ) : null}
          <div>
            <dt>Place</dt>
            <dd>{e.place ?? 'Online'}</dd>
          </div>
          <div>
            <dt>Price</dt>
            <dd>{priceText(e.memberPriceCents, e.priceCents)}</dd>
          </div>
          <div>
            <dt>Seats</dt>
            <dd>
              {e.capacity === null ? 'No limit' : `${e.seatsLeft} of ${e.capacity} left`}
              {e.waiting > 0 ? `, ${e.waiting} waiting` : ''}
            </dd>
          </div>
        </dl>
        {e.description ? <p>{e.description}</p> : null}
        {e.credits.length ? (
          <>
            <h3>Hours for your training record</h3>
            {e.sessions.length > 1 ? <p>The hours are credited once you have attended every day.</p> : null}
            <CreditsList credits={e.credits} />
          </>
        ) : null}
        <p>
          <a href={href(events.getEventCalendar, { eventId: e.id })}>Add to my calendar (.ics file)</a>
        </p>
      </section>

      <section className="panel" aria-labelledby="your-place">
        <h2 id="your-place">Your place</h2>
        {!session.data?.user ? (
          <p>
            <Link to="/sign-in">Sign in</Link> to register.
          </p>
        ) : mine ? (
          <>
            <p data-testid="registration-status">
              {STATUS_LABELS[mine.status] ?? mine.status}.{' '}
              {mine.priceCents > 0
                ? `Fee: ${dollars(mine.priceCents)}${mine.paid ? ' (paid)' : ' (not paid yet)'}.`
                : ''}
            </p>
            {mine.priceCents > 0 && !mine.paid && mine.status !== 'cancelled' ? (
              <p>
                To pay, mail a check made out to the Association of Missouri Mediators, or pay at the door.
                Staff record the payment and e-mail you a receipt.
              </p>
            ) : null}
            {e.can.cancel ? (
              <Button variant="secondary" busy={cancel.busy} onClick={() => cancel.run(mine.id)}>
                Cancel my place
              </Button>
            ) : null}
          </>
        ) : e.can.register ? (
          <Button busy={register.busy} onClick={() => register.run()}>
            {e.seatsLeft === 0 ? 'Join the waitlist' : 'Register'}
          </Button>
        ) : (
          <p>Registration is closed.</p>
        )}
      </section>
      <p>
        <Link to="/trainings">All trainings and events</Link>
      </p>
    </Page>
  );
}
