import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../components/Page.tsx';
import { Section } from '../../components/Section.tsx';
import { ContactAddress } from './ContactAddress.tsx';

/** How to reach the people who run Parley, and where questions about a case go instead. */
export function ContactPage() {
  const { t } = useTranslation('visitor');
  return (
    <Page title={t('contact.title')} lead={t('contact.lead')}>
      <Section id="write-title" title={t('contact.write')} className="panel">
        <p className="contact-address">
          <Trans t={t} i18nKey="contact.email" components={{ address: <ContactAddress /> }} />
        </p>
        <p>{t('contact.about')}</p>
        <p>{t('contact.notInEmail')}</p>
      </Section>

      <Section id="case-title" title={t('contact.case')}>
        <p>
          <Trans
            t={t}
            i18nKey="contact.caseBody"
            components={{ cases: <Link to="/cases" />, request: <Link to="/cases/new" /> }}
          />
        </p>
        <p>{t('contact.noAdvice')}</p>
      </Section>

      <Section id="danger-title" title={t('contact.danger')}>
        <p>
          <Trans
            t={t}
            i18nKey="contact.dangerBody"
            components={{ strong: <strong />, hotline: <a href="tel:+18007997233">1-800-799-7233</a> }}
          />
        </p>
      </Section>
    </Page>
  );
}
