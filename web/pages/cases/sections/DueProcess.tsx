import { Trans, useTranslation } from 'react-i18next';
import type { CaseView } from '../../../../contracts/cases.ts';
import * as cases from '../../../../contracts/cases.ts';
import { caseKeys } from '../../../api/cases.ts';
import { useChange } from '../../../api/change.ts';
import { call } from '../../../api/client.ts';
import { Button } from '../../../components/Button.tsx';
import { ChangeStatus } from '../../../components/ChangeStatus.tsx';

/**
 * A special-education case: whether a due process complaint is pending (asked at intake; the
 * state's federal figures count it), which the program may correct.
 */
export function DueProcessFact({ c }: { c: CaseView }) {
  const { t } = useTranslation('case');
  const change = useChange(
    (pending: boolean) => call(cases.setDueProcess, { params: { caseId: c.id }, body: { pending } }),
    {
      invalidates: [caseKeys.view(c.id)],
      success: (r) => (r.pending ? t('dueProcess.recordedPending') : t('dueProcess.recordedNone')),
    },
  );
  if (!c.dueProcess) return null;
  return (
    <div className="case-due-process">
      <p>
        <Trans
          t={t}
          i18nKey="dueProcess.fact"
          values={{
            answer: c.dueProcess.pending === null ? 'unknown' : c.dueProcess.pending ? 'yes' : 'no',
          }}
          components={{ strong: <strong /> }}
        />
      </p>
      {c.can.setDueProcess ? (
        <p>
          <Button variant="secondary" busy={change.busy} onClick={() => void change.run(true)}>
            {t('dueProcess.recordPending')}
          </Button>{' '}
          <Button variant="secondary" busy={change.busy} onClick={() => void change.run(false)}>
            {t('dueProcess.recordNone')}
          </Button>
        </p>
      ) : null}
      <ChangeStatus of={change} />
    </div>
  );
}
