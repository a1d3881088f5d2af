import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as casePeople from '../../../../contracts/case-people.ts';
import type * as cases from '../../../../contracts/cases.ts';
import { caseKeys } from '../../../api/cases.ts';
import { useChange } from '../../../api/change.ts';
import { call } from '../../../api/client.ts';
import { ChangeStatus } from '../../../components/ChangeStatus.tsx';
import { Checkbox, TextArea } from '../../../components/Field.tsx';
import { ChangeForm } from '../../../components/SendForm.tsx';
import { useFormats } from '../../../i18n.ts';

/**
 * Rule 17.03(b): counsel for a party files a written opt-out in the thirty days before the
 * deadline to begin. Filed, it ends the referral and the court is told; no one grants it.
 */
export function OptOutSection({ c }: { c: cases.CaseView }) {
  const { t } = useTranslation('case');
  const formats = useFormats();
  const [reason, setReason] = useState('');
  const [conferred, setConferred] = useState(false);
  const file = useChange(
    () => call(casePeople.requestOptOut, { params: { caseId: c.id }, body: { reason, conferred } }),
    {
      invalidates: [caseKeys.case(c.id), caseKeys.mine()],
      success: t('optOut.filed'),
    },
  );
  if (c.state === 'opted_out' && c.consent.optOutRequestedAt) {
    return (
      <section className="case-section" aria-labelledby="opt-out">
        <h2 id="opt-out">{t('optOut.doneHeading')}</h2>
        <p>
          {t('optOut.done', {
            date: formats.date(c.consent.optOutRequestedAt),
            cite: c.consent.cite.split(':')[0],
          })}
        </p>
      </section>
    );
  }
  if (!c.can.optOut) return null;
  const window = c.deadlines.find((d) => d.id === 'opt_out_window');
  return (
    <section className="case-section" aria-labelledby="opt-out">
      <h2 id="opt-out">{t('optOut.heading')}</h2>
      <p>
        {window?.dueDate ? t('optOut.introUntil', { date: formats.date(window.dueDate) }) : t('optOut.intro')}
      </p>
      <ChangeStatus of={file} />
      <ChangeForm change={file} busyLabel={t('optOut.filing')} submit={t('optOut.submit')}>
        <TextArea
          label={t('optOut.why')}
          name="reason"
          hint={t('optOut.whyHint')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={file.field('reason')}
        />
        <Checkbox
          label={t('optOut.conferred')}
          checked={conferred}
          onChange={setConferred}
          error={file.field('conferred')}
        />
      </ChangeForm>
    </section>
  );
}
