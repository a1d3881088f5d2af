import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../components/Page.tsx';
import { ContactAddress } from './ContactAddress.tsx';

/** How to reach the people who run Parley, and where questions about a case go instead. */
export function ContactPage() {
  const { t } = useTranslation('visitor');
  return (
    <Page title={t('contact.title')} lead={t('contact.lead')}>
      <section aria-labelledby="write-title" className="panel">
        <h2 id="write-title">{t('contact.write')}</h2>
        <p className="contact-address">
          <Trans t={t} i18nKey="contact.email" components={{ address: <ContactAddress /> }} />
        </p>
        <p>{t('contact.about')}</p>
        <p>{t('contact.notInEmail')}</p>
      </section>

      <section aria-labelledby="case-title">
        <h2 id="case-title">{t('contact.case')}</h2>
        <p>
          <Trans
            t={t}
            i18nKey="contact.caseBody"
            components={{ cases: <Link to="/cases" />, request: <Link to="/cases/new" /> }}
          />
        </p>
        <p>{t('contact.noAdvice')}</p>
      </section>

      <section aria-labelledby="danger-title">
        <h2 id="danger-title">{t('contact.danger')}</h2>
        <p>
          <Trans
            t={t}
            i18nKey="contact.dangerBody"
            components={{ strong: <strong />, hotline: <a href="tel:+18007997233">1-800-799-7233</a> }}
          />
        </p>
      </section>
    </Page>
  );
}
