import { Link } from 'react-router';
import { priceText } from '../../../domain/event-schedule.ts';
import { formatMissouriDateTime } from '../../../domain/missouri-time.ts';
import { errorMessage } from '../../api/client.ts';
import { useEvents } from '../../api/events.ts';
import { Alert } from '../../components/Alert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import './association.css';
import { AssociationLinks, EVENT_KIND_LABELS } from './shared.tsx';

/** /trainings: the public calendar of trainings and events. */
export function TrainingsPage() {
  const events = useEvents();
  return (
    <Page
      title="Trainings and events"
      lead="Core mediation training, continuing-education webinars and conferences. Members pay less."
    >
      {events.isPending ? <Loading what="Loading the calendar" /> : null}
      {events.isError ? <Alert tone="error">{errorMessage(events.error)}</Alert> : null}
      {events.data && events.data.length === 0 ? (
        <p>Nothing is planned right now. Please check back soon.</p>
      ) : null}
      <ul className="program-list">
        {events.data?.map((e) => (
          <li key={e.id} className="card">
            <p className="tag">{EVENT_KIND_LABELS[e.kind] ?? e.kind}</p>
            <h2>
              <Link to={`/trainings/${e.id}`}>{e.title}</Link>
            </h2>
            <p>
              {e.recorded
                ? 'Watch any time'
                : e.sessions.length > 1
                  ? `${e.sessions.length} days from ${formatMissouriDateTime(e.startsAt)}`
                  : formatMissouriDateTime(e.startsAt)}{' '}
              · {e.provider} · {e.place ?? 'Online'}
            </p>
            <p>
              {e.creditHours > 0 ? `${e.creditHours} hours of training · ` : ''}
              {priceText(e.memberPriceCents, e.priceCents)}
              {e.seatsLeft !== null
                ? ` · ${e.seatsLeft === 0 ? 'Full: join the waitlist' : `${e.seatsLeft} seats left`}`
                : ''}
            </p>
          </li>
        ))}
      </ul>
      <AssociationLinks />
    </Page>
  );
}
