import { Trans, useTranslation } from 'react-i18next';
import { Page } from '../../components/Page.tsx';
import { ContactAddress } from './ContactAddress.tsx';

/** The points of each list on the page, in order (`accessibility.<list>.<point>` in the catalog). */
const GOALS = ['keyboard', 'phone', 'screenReaders', 'contrast', 'charts', 'messages'] as const;
const LIMITS = ['languages', 'documents'] as const;
const TELL = ['page', 'doing', 'happened', 'device'] as const;

/** Parley's accessibility statement: the target, how it is checked, known limits, reporting a barrier. */
export function AccessibilityPage() {
  const { t } = useTranslation('visitor');
  return (
    <Page title={t('accessibility.title')} lead={t('accessibility.lead')}>
      <section aria-labelledby="goal-title">
        <h2 id="goal-title">{t('accessibility.goal')}</h2>
        <p>{t('accessibility.goalBody')}</p>
        <p>{t('accessibility.forExample')}</p>
        <ul>
          {GOALS.map((point) => (
            <li key={point}>{t(`accessibility.goals.${point}`)}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="check-title">
        <h2 id="check-title">{t('accessibility.check')}</h2>
        <p>{t('accessibility.checkBody')}</p>
        <p>{t('accessibility.checkLimits')}</p>
      </section>

      <section aria-labelledby="limits-title">
        <h2 id="limits-title">{t('accessibility.limits')}</h2>
        <ul>
          {LIMITS.map((point) => (
            <li key={point}>{t(`accessibility.limitsList.${point}`)}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="report-title">
        <h2 id="report-title">{t('accessibility.report')}</h2>
        <p>
          <Trans t={t} i18nKey="accessibility.reportBody" components={{ address: <ContactAddress /> }} />
        </p>
        <ul>
          {TELL.map((point) => (
            <li key={point}>{t(`accessibility.tell.${point}`)}</li>
          ))}
        </ul>
        <p>{t('accessibility.deadline')}</p>
      </section>
    </Page>
  );
}
