import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type { CaseView } from '../../../contracts/cases.ts';
import type { Namespace } from '../../../i18n/i18n.ts';
import { caseKeys, useCase } from '../../api/cases.ts';
import { errorMessage } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Page, ReadingPage } from '../../components/Page.tsx';
import './mediation.css';

/** The case as the part-2 pages read it: the same view the case page shows. */
export type CaseSummary = CaseView;

/** Everything the web app holds about one case: refreshed when a step moves the case. */
export const caseSummaryKey = (caseId: string) => caseKeys.case(caseId);

/** A case's mediation pages, with links between them. */
export function MediationPage({
  caseId,
  title,
  children,
}: {
  caseId: string;
  title: string;
  children: (c: CaseSummary) => ReactNode;
}) {
  const { t } = useTranslation();
  const view = useCase(caseId);
  const { pathname } = useLocation();
  if (view.isPending || view.isError)
    return <ReadingPage title={title} read={view} loading={t('mediation.loading')} />;
  const c = view.data;
  const base = `/cases/${c.id}`;
  // The steps the server says this person may open, as on the case page.
  const links = [
    { to: base, label: t('mediation.casePage') },
    ...c.steps.map((s) => ({ to: `${base}/${s.id}`, label: s.label })),
  ];
  return (
    <Page
      title={title}
      lead={t('mediation.lead', { reference: c.reference, title: c.title, state: c.stateLabel })}
      wide
    >
      <nav className="m-nav" aria-label={t('mediation.steps')}>
        <ul>
          {links.map((l) => (
            <li key={l.to}>
              <Link to={l.to} aria-current={pathname === l.to ? 'page' : undefined}>
                {l.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {children(c)}
    </Page>
  );
}

/**
 * A mediation page's title: a message of a catalog (`{ ns: 'sessions', key: 'title' }`), read in
 * the page's language; plain words only for a page not yet in the catalogs.
 */
export type MediationTitle = string | { ns: Namespace; key: string };

/**
 * A mediation page of the case named in the address (`/cases/:caseId/...`): its title, the
 * steps' links, and `View` below them once the case has loaded.
 */
export function mediationPage(
  title: MediationTitle,
  View: (props: { caseId: string; summary: CaseSummary }) => ReactNode,
): () => ReactNode {
  return function CaseStepPage() {
    const { caseId = '' } = useParams();
    const { t } = useTranslation(typeof title === 'string' ? undefined : title.ns);
    return (
      <MediationPage caseId={caseId} title={typeof title === 'string' ? title : t(title.key)}>
        {(summary) => <View caseId={caseId} summary={summary} />}
      </MediationPage>
    );
  };
}

export function ErrorAlert({ error }: { error: unknown }) {
  return error ? <Alert tone="error">{errorMessage(error)}</Alert> : null;
}
