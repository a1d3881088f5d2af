import { Trans } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../../api/client.ts';
import { usePublicJobs } from '../../api/jobs-board.ts';
import { Alert } from '../../components/Alert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import './association.css';
import { AssociationLinks, useAssociationWords } from './public-parts.tsx';

/** /jobs: the public jobs board, the openings members and staff post. */
export function JobsBoardPage() {
  const jobs = usePublicJobs();
  const { t, formats } = useAssociationWords();
  return (
    <Page title={t('jobs.title')} lead={t('jobs.lead')}>
      {jobs.isPending ? <Loading what={t('jobs.loading')} /> : null}
      {jobs.isError ? <Alert tone="error">{errorMessage(jobs.error)}</Alert> : null}
      {jobs.data?.length === 0 ? <p>{t('jobs.none')}</p> : null}
      <ul className="program-list">
        {jobs.data?.map((j) => (
          <li key={j.id} className="card">
            <h2>{j.title}</h2>
            <p className="tag">
              {j.organization} · {j.location}
            </p>
            <p>{j.description}</p>
            <p>
              <strong>{t('jobs.howToApply')}</strong> {j.howToApply}
            </p>
            <p>{t('jobs.dates', { posted: formats.date(j.postedAt), until: formats.date(j.expiresOn) })}</p>
          </li>
        ))}
      </ul>
      <p>
        <Trans t={t} i18nKey="jobs.members" components={{ members: <Link to="/members" /> }} />
      </p>
      <AssociationLinks />
    </Page>
  );
}
