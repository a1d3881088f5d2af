import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HomeCase, NextStep, PendingInvitation } from '../../../contracts/cases.ts';
import { useMyHome } from '../../api/cases.ts';
import { errorMessage } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useFormats } from '../../i18n.ts';
import '../cases/cases.css';

/**
 * A person's work: invitations sent to their address that wait for an answer, then each case
 * they take part in with its stage, what happens next, who acts and by when (the case page's
 * own words). Their home after sign-in, and the top of My cases.
 */
export function MyWork({
  headingLevel = 2,
  quietWhenEmpty = false,
}: {
  headingLevel?: 2 | 3;
  /** Say nothing when there is nothing (My cases for a mediator, whose cases are listed below). */
  quietWhenEmpty?: boolean;
}) {
  const { t } = useTranslation('case');
  const home = useMyHome();
  const H = `h${headingLevel}` as 'h2' | 'h3';
  if (home.isPending) return <Loading what={t('work.loading')} />;
  if (home.isError) return <Alert tone="error">{errorMessage(home.error)}</Alert>;
  const { cases, invitations } = home.data;
  if (quietWhenEmpty && cases.length === 0 && invitations.length === 0) return null;
  return (
    <>
      {invitations.length ? (
        <section aria-labelledby="my-invitations">
          <H id="my-invitations">{t('work.invitations')}</H>
          <ul className="work-list">
            {invitations.map((i) => (
              <InvitationItem key={i.id} invitation={i} />
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="my-work-cases">
        <H id="my-work-cases">{t('work.cases')}</H>
        {cases.length === 0 ? (
          <p>{t('work.none')}</p>
        ) : (
          <ul className="work-list">
            {cases.map((c) => (
              <CaseItem key={c.id} c={c} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function InvitationItem({ invitation: i }: { invitation: PendingInvitation }) {
  const { t } = useTranslation('case');
  const formats = useFormats();
  return (
    <li className="work-item">
      <p className="work-title">
        <strong>{i.about}</strong>
        {i.programName ? <span className="muted"> · {i.programName}</span> : null}
      </p>
      <p>
        <Trans
          t={t}
          i18nKey={i.invitedBy ? 'work.invitedBy' : 'work.invited'}
          values={{
            name: i.invitedBy,
            sent: formats.date(i.sentAt),
            to: i.sentTo,
            until: formats.date(i.expiresAt),
          }}
          components={{ nowrap: <span className="nowrap" /> }}
        />
      </p>
    </li>
  );
}

/** What happens next, who acts and by when: the same line on the home and on the case page. */
export function NextStepLine({ next: n }: { next: NextStep }) {
  const { t } = useTranslation('case');
  return (
    <p className={n.who === 'you' ? 'work-next work-next-you' : 'work-next'}>
      <strong>{t('work.who', { who: n.who ?? 'next' })} </strong>
      {n.text}
      {n.byShown ? (
        <span className={n.overdue ? 'deadline-overdue' : undefined}>
          {' '}
          {n.overdue ? t('work.overdueBy', { date: n.byShown }) : t('work.by', { date: n.byShown })}
        </span>
      ) : null}
    </p>
  );
}

function CaseItem({ c }: { c: HomeCase }) {
  const { t } = useTranslation('case');
  const n = c.next;
  return (
    <li className="work-item">
      <p className="work-title">
        <Link to={`/cases/${c.id}`}>{t('list.item', { reference: c.reference, title: c.title })}</Link>{' '}
        <span className="state-badge">{c.stage}</span>
        <span className="muted"> · {c.programName}</span>
      </p>
      <NextStepLine next={n} />
      <p className="work-links">
        <Link to={n.page ? `/cases/${c.id}/${n.page}` : `/cases/${c.id}`}>
          {n.who === 'you' ? t('work.doIt') : t('work.open')}
          <span className="visually-hidden"> {c.reference}</span>
        </Link>
        {c.hasPromises && n.page !== 'promises' ? (
          <>
            {' · '}
            <Link to={`/cases/${c.id}/promises`}>{t('list.promises', { reference: c.reference })}</Link>
          </>
        ) : null}
      </p>
    </li>
  );
}
