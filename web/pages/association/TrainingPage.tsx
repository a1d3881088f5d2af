import { Link, useParams } from 'react-router';
import * as events from '../../../contracts/events.ts';
import { COURSE_KIND_LABELS } from '../../../domain/eligibility.ts';
import { formatMissouriDateTime } from '../../../domain/missouri-time.ts';
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
import { EVENT_KIND_LABELS, money, STATUS_LABELS } from './shared.tsx';

/** /trainings/:id: one training, with registration, cancellation and its calendar file. */
export function TrainingPage() {
  const { id = '' } = useParams();
  const session = useSession();
  const event = useEvent(id);
  const cancel = useChange(
    (registrationId: string) => call(events.cancelRegistration, { params: { registrationId } }),
    {
      invalidates: [eventKeys.all],
      success: 'Your place is cancelled. If someone was waiting, the seat is now theirs.',
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
        <dl className="facts">
          <div>
            <dt>Starts</dt>
            <dd>{e.recorded ? 'Watch any time' : formatMissouriDateTime(e.startsAt)}</dd>
          </div>
          <div>
            <dt>Ends</dt>
            <dd>{formatMissouriDateTime(e.endsAt)}</dd>
          </div>
          <div>
            <dt>Place</dt>
            <dd>{e.place ?? 'Online'}</dd>
          </div>
          <div>
            <dt>Price</dt>
            <dd>
              Members {money(e.memberPriceCents)}, others {money(e.priceCents)}
            </dd>
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
            <ul>
              {e.credits.map((c) => (
                <li key={c.kind}>
                  {COURSE_KIND_LABELS[c.kind]}: {c.hours} hours
                </li>
              ))}
            </ul>
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
                ? `Fee: ${money(mine.priceCents)}${mine.paid ? ' (paid)' : ' (not paid yet)'}.`
                : ''}
            </p>
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
