import { Link } from 'react-router';
import { errorMessage } from '../../api/client.ts';
import { useEvents } from '../../api/events.ts';
import { Alert } from '../../components/Alert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import './association.css';
import { AssociationLinks, useAssociationWords } from './public-parts.tsx';

/** /trainings: the public calendar of trainings and events. */
export function TrainingsPage() {
  const events = useEvents();
  const words = useAssociationWords();
  const { t, formats } = words;
  return (
    <Page title={t('trainings.title')} lead={t('trainings.lead')}>
      {events.isPending ? <Loading what={t('trainings.loading')} /> : null}
      {events.isError ? <Alert tone="error">{errorMessage(events.error)}</Alert> : null}
      {events.data && events.data.length === 0 ? <p>{t('trainings.none')}</p> : null}
      <ul className="program-list">
        {events.data?.map((e) => (
          <li key={e.id} className="card">
            <p className="tag">{words.eventKind(e.kind)}</p>
            <h2>
              <Link to={`/trainings/${e.id}`}>{e.title}</Link>
            </h2>
            <p>
              {e.recorded
                ? t('trainings.anyTime')
                : e.sessions.length > 1
                  ? t('trainings.days', { days: e.sessions.length, start: formats.dateTime(e.startsAt) })
                  : formats.dateTime(e.startsAt)}{' '}
              · {e.provider} · {e.place ?? t('online')}
            </p>
            <p>
              {[
                e.creditHours > 0 ? t('trainings.creditHours', { hours: e.creditHours }) : null,
                words.price(e.memberPriceCents, e.priceCents),
                e.seatsLeft === null
                  ? null
                  : e.seatsLeft === 0
                    ? t('trainings.full')
                    : t('trainings.seatsLeft', { seats: e.seatsLeft }),
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
          </li>
        ))}
      </ul>
      <AssociationLinks />
    </Page>
  );
}
