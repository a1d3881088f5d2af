import { Trans, useTranslation } from 'react-i18next';
import { Page } from '../../components/Page.tsx';
import { Section } from '../../components/Section.tsx';
import { ContactAddress } from './ContactAddress.tsx';
import { Points } from './Points.tsx';

/** The points of each list on the page, in order (`accessibility.<list>.<point>` in the catalog). */
const GOALS = ['keyboard', 'phone', 'screenReaders', 'contrast', 'charts', 'messages'] as const;
const LIMITS = ['languages', 'documents'] as const;
const TELL = ['page', 'doing', 'happened', 'device'] as const;

/** Parley's accessibility statement: the target, how it is checked, known limits, reporting a barrier. */
export function AccessibilityPage() {
  const { t } = useTranslation('visitor');
  return (
    <Page title={t('accessibility.title')} lead={t('accessibility.lead')}>
      <Section id="goal-title" title={t('accessibility.goal')}>
        <p>{t('accessibility.goalBody')}</p>
        <p>{t('accessibility.forExample')}</p>
        <Points i18nKey="accessibility.goals" points={GOALS} />
      </Section>

      <Section id="check-title" title={t('accessibility.check')}>
        <p>{t('accessibility.checkBody')}</p>
        <p>{t('accessibility.checkLimits')}</p>
      </Section>

      <Section id="limits-title" title={t('accessibility.limits')}>
        <Points i18nKey="accessibility.limitsList" points={LIMITS} />
      </Section>

      <Section id="report-title" title={t('accessibility.report')}>
        <p>
          <Trans t={t} i18nKey="accessibility.reportBody" components={{ address: <ContactAddress /> }} />
        </p>
        <Points i18nKey="accessibility.tell" points={TELL} />
        <p>{t('accessibility.deadline')}</p>
      </Section>
    </Page>
  );
}
