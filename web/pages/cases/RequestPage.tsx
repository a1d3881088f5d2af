import { Trans, useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSession } from '../../api/accounts.ts';
import { errorMessage } from '../../api/client.ts';
import { usePublicProfile } from '../../api/directory.ts';
import { usePrograms } from '../../api/programs.ts';
import { Alert } from '../../components/Alert.tsx';
import { Choices } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import './cases.css';
import { RequestForm } from './request/RequestForm.tsx';
import { FORM_OF } from './request/send-request.ts';
import { useDraftKeeping } from './request-draft.ts';

/**
 * The request wizard: pick a program, then answer its questions in plain words (request/). Nothing
 * typed is lost: the draft is kept (request-draft.ts) and a person not signed in signs in or
 * creates an account on the page itself.
 */
export function RequestPage() {
  const { t } = useTranslation('request');
  const programs = usePrograms();
  const session = useSession();
  const signedIn = session.data ? session.data.user !== null : undefined;
  // Asked from a mediator's profile in Find a Mediator: the request names them.
  const fromMediator = useSearchParams()[0].get('mediator') ?? '';
  const keeping = useDraftKeeping(signedIn, fromMediator);
  const draft = keeping.draft;
  const mediatorId = draft?.preferredMediator ?? '';
  const usable = (programs.data ?? []).filter((p) => FORM_OF[p.kind]);
  const program = usable.find((p) => p.id === draft?.programId);
  const mediator = usePublicProfile(mediatorId, mediatorId !== '');
  const preferred = mediatorId && mediator.data ? mediator.data : null;
  return (
    <Page title={t('page.title')} lead={t('page.lead')}>
      {preferred ? (
        <Alert tone="info">
          <Trans
            t={t}
            i18nKey="page.preferred"
            values={{ name: preferred.name }}
            components={{ strong: <strong /> }}
          />
        </Alert>
      ) : null}
      {programs.isPending || !draft ? <Loading what={t('page.loading')} /> : null}
      {programs.isError ? <Alert tone="error">{errorMessage(programs.error)}</Alert> : null}
      {usable.length && draft ? (
        <Choices
          legend={t('page.programLegend')}
          type="radio"
          name="program"
          options={usable.map((p) => ({ value: p.id, label: p.name }))}
          value={draft.programId ? [draft.programId] : []}
          onChange={(v) => keeping.update((d) => ({ ...d, programId: v[0] ?? '' }))}
        />
      ) : null}
      {program && draft ? (
        <RequestForm
          key={program.id}
          program={program}
          preferredMediator={preferred ? preferred.id : undefined}
          keeping={keeping}
          signedIn={signedIn === true}
        />
      ) : null}
    </Page>
  );
}
