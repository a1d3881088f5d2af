import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { api, errorMessage } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { caseSteps } from '../cases/steps.ts';
import type { CaseView } from '../cases/types.ts';
import './mediation.css';

/** The case as the part-2 pages read it: the same view the case page shows. */
export type CaseSummary = CaseView;

export const caseSummaryKey = (caseId: string) => ['case', caseId];

export function useCaseSummary(caseId: string) {
  return useQuery({
    queryKey: caseSummaryKey(caseId),
    queryFn: () => api.get<CaseSummary>(`/api/v1/cases/${caseId}`),
  });
}

export const isMediatorOf = (c: CaseSummary) => c.viewer.kind === 'mediator' && Boolean(c.mediator?.isMe);

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
  const view = useCaseSummary(caseId);
  const { pathname } = useLocation();
  if (view.isPending)
    return (
      <Page title={title}>
        <Loading what="Loading the case" />
      </Page>
    );
  if (view.isError)
    return (
      <Page title={title}>
        <Alert tone="error">{errorMessage(view.error)}</Alert>
      </Page>
    );
  const c = view.data;
  const base = `/cases/${c.id}`;
  // The same steps the case page offers this person, so nobody is shown a page they cannot open.
  const links = [{ to: base, label: 'Case page' }, ...caseSteps(c)];
  return (
    <Page title={title} lead={`Case ${c.reference} · ${c.title} · ${c.stateLabel}`} wide>
      <nav className="m-nav" aria-label="Mediation steps">
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

export function ErrorAlert({ error }: { error: unknown }) {
  return error ? <Alert tone="error">{errorMessage(error)}</Alert> : null;
}
