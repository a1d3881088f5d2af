import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import {
  type AddIssueBody,
  addIssue,
  type Issue,
  proposeOption,
  releaseOption,
  type UpdateIssueBody,
  updateIssue,
} from '../../../contracts/issues.ts';
import { useChange } from '../../api/change.ts';
import { call } from '../../api/client.ts';
import { issueKeys, useIssueBoard } from '../../api/issues.ts';
import { useAids } from '../../api/negotiation.ts';
import { Button } from '../../components/Button.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Choices, FieldRow, Select, TextArea, TextField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { NegotiationAid } from './NegotiationAid.tsx';
import { ErrorAlert, MediationPage } from './shared.tsx';

/** The issues board. It refreshes every few seconds, so everyone in the session works from the same board. */
export function IssuesPage() {
  const { caseId = '' } = useParams();
  const { t } = useTranslation('workspace');
  return (
    <MediationPage caseId={caseId} title={t('titles.issues')}>
      {() => <IssuesBoard caseId={caseId} />}
    </MediationPage>
  );
}

function IssuesBoard({ caseId }: { caseId: string }) {
  const { t } = useTranslation('workspace');
  const board = useIssueBoard(caseId);
  const aids = useAids(caseId);
  const invalidates = [issueKeys.case(caseId)];
  const add = useChange((body: AddIssueBody) => call(addIssue, { params: { caseId }, body }), {
    invalidates,
    success: (issue) => t('issues.added', { title: issue.title }),
  });
  const status = useChange(
    ({ issueId, ...body }: UpdateIssueBody & { issueId: string }) =>
      call(updateIssue, { params: { caseId, issueId }, body }),
    { invalidates, success: t('issues.updated') },
  );
  const release = useChange((optionId: string) => call(releaseOption, { params: { caseId, optionId } }), {
    invalidates,
    success: t('issues.released'),
  });
  const [template, setTemplate] = useState('');
  const [custom, setCustom] = useState('');
  if (board.isPending) return <Loading what={t('issues.loading')} />;
  if (board.isError) return <ErrorAlert error={board.error} />;
  const b = board.data;
  return (
    <>
      <p>{t('issues.intro')}</p>
      <ChangeStatus of={[add, status, release]} />
      {b.issues.length === 0 ? <p>{t('issues.none')}</p> : null}
      <ul className="m-list">
        {b.issues.map((issue) => (
          <li key={issue.id} className="m-card">
            <section aria-label={issue.title}>
              <h2>{issue.title}</h2>
              {issue.can.update ? (
                <Select
                  label={t('issues.whereStands', { title: issue.title })}
                  value={issue.status}
                  onChange={(e) => {
                    const chosen = b.statuses.find((s) => s.id === e.target.value);
                    if (chosen) status.run({ issueId: issue.id, status: chosen.id });
                  }}
                >
                  {b.statuses.map((s) => (
                    <option key={s.id} value={s.id}>
                      {t(`issues.status.${s.id}`)}
                    </option>
                  ))}
                </Select>
              ) : (
                <p>
                  <Trans
                    t={t}
                    i18nKey="issues.stands"
                    values={{ status: t(`issues.status.${issue.status}`) }}
                    components={{ badge: <span className="m-badge" /> }}
                  />
                </p>
              )}
              <h3>{t('issues.options')}</h3>
              {issue.options.length === 0 ? <p>{t('issues.noOptions')}</p> : null}
              <ul>
                {issue.options.map((o) => (
                  <li key={o.id}>
                    {o.text} <span className="m-hint">({o.proposedBy})</span>{' '}
                    {o.visibility === 'private' ? (
                      <span className="m-badge m-badge-private">{t('issues.private')}</span>
                    ) : null}{' '}
                    {o.can.release ? (
                      <Button variant="link" onClick={() => release.run(o.id)}>
                        {t('issues.release', { text: o.text.slice(0, 40) })}
                      </Button>
                    ) : null}
                  </li>
                ))}
              </ul>
              {issue.can.propose ? <OptionForm caseId={caseId} issue={issue} /> : null}
              {aids.data ? <NegotiationAid caseId={caseId} issue={issue} aids={aids.data} /> : null}
            </section>
          </li>
        ))}
      </ul>
      {b.can.addIssue ? (
        <section className="m-section" aria-labelledby="add-issue">
          <h2 id="add-issue">{t('issues.addHeading')}</h2>
          {b.templates.length ? (
            <FieldRow>
              <Select
                label={t('issues.fromList')}
                value={template}
                onChange={(e) => setTemplate(e.target.value)}
              >
                <option value="">{t('issues.choose')}</option>
                {b.templates.map((template) => (
                  <option key={template.id} value={template.id}>
                    {template.label}
                  </option>
                ))}
              </Select>
              <Button
                variant="secondary"
                disabled={!template}
                onClick={() => add.run({ templateId: template }, { onSuccess: () => setTemplate('') })}
              >
                {t('issues.addTemplate')}
              </Button>
            </FieldRow>
          ) : null}
          <FieldRow>
            <TextField
              label={t('issues.another')}
              value={custom}
              onChange={(e) => setCustom(e.target.value)}
              error={add.field('title')}
            />
            <Button
              variant="secondary"
              disabled={!custom.trim()}
              onClick={() => add.run({ title: custom }, { onSuccess: () => setCustom('') })}
            >
              {t('issues.addMine')}
            </Button>
          </FieldRow>
        </section>
      ) : null}
    </>
  );
}

function OptionForm({ caseId, issue }: { caseId: string; issue: Issue }) {
  const { t } = useTranslation('workspace');
  const [text, setText] = useState('');
  const [visibility, setVisibility] = useState<'shared' | 'private'>('shared');
  const propose = useChange(
    () => call(proposeOption, { params: { caseId, issueId: issue.id }, body: { text, visibility } }),
    {
      invalidates: [issueKeys.case(caseId)],
      onSuccess: () => setText(''),
      success: t('issues.optionAdded'),
    },
  );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        propose.run();
      }}
    >
      <TextArea
        label={t('issues.idea', { title: issue.title })}
        value={text}
        rows={2}
        onChange={(e) => setText(e.target.value)}
        error={propose.field('text')}
      />
      <Choices
        legend={t('issues.whoSees')}
        type="radio"
        name={`vis-${issue.id}`}
        options={[
          { value: 'shared', label: t('issues.everyone') },
          { value: 'private', label: t('issues.mediatorOnly') },
        ]}
        value={[visibility]}
        onChange={([choice]) => setVisibility(choice === 'private' ? 'private' : 'shared')}
        error={propose.field('visibility')}
      />
      <ChangeStatus of={propose} />
      <Button type="submit" variant="secondary" disabled={!text.trim()} busy={propose.busy}>
        {t('issues.addOption')}
      </Button>
    </form>
  );
}
