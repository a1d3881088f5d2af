import { Trans, useTranslation } from 'react-i18next';
import { Page } from '../../components/Page.tsx';
import { Section } from '../../components/Section.tsx';
import { ContactAddress } from './ContactAddress.tsx';

/** The points of each list on the page, in order, by the list's key in the catalog (`<list>.<point>`). */
const LISTS = {
  'accessibility.goals': ['keyboard', 'phone', 'screenReaders', 'contrast', 'charts', 'messages'],
  'accessibility.limitsList': ['languages', 'documents'],
  'accessibility.tell': ['page', 'doing', 'happened', 'device'],
} as const;

/** One of the page's lists, each point in the catalog's words. */
function Points({ i18nKey }: { i18nKey: keyof typeof LISTS }) {
  const { t } = useTranslation('visitor');
  return (
    <ul>
      {LISTS[i18nKey].map((point) => (
        <li key={point}>{t(`${i18nKey}.${point}`)}</li>
      ))}
    </ul>
  );
}

/** Parley's accessibility statement: the target, how it is checked, known limits, reporting a barrier. */
export function AccessibilityPage() {
  const { t } = useTranslation('visitor');
  return (
    <Page title={t('accessibility.title')} lead={t('accessibility.lead')}>
      <Section id="goal-title" title={t('accessibility.goal')}>
        <p>{t('accessibility.goalBody')}</p>
        <p>{t('accessibility.forExample')}</p>
        <Points i18nKey="accessibility.goals" />
      </Section>

      <Section id="check-title" title={t('accessibility.check')}>
        <p>{t('accessibility.checkBody')}</p>
        <p>{t('accessibility.checkLimits')}</p>
      </Section>

      <Section id="limits-title" title={t('accessibility.limits')}>
        <Points i18nKey="accessibility.limitsList" />
      </Section>

      <Section id="report-title" title={t('accessibility.report')}>
        <p>
          <Trans t={t} i18nKey="accessibility.reportBody" components={{ address: <ContactAddress /> }} />
        </p>
        <Points i18nKey="accessibility.tell" />
        <p>{t('accessibility.deadline')}</p>
      </Section>
    </Page>
  );
}
