import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../components/Page.tsx';
import { Section } from '../../components/Section.tsx';
import { ContactAddress } from './ContactAddress.tsx';
import { Points } from './Points.tsx';

// Each sentence here (`privacy.*` in the visitor catalog) must stay true to what Parley does: the
// README's "Keys", "Data retention" and "A person's data" sections, the screening and preparation
// services (who may read the answers) and the rule packs' "what the court or agency may be told".

/** What Parley keeps, point by point (`privacy.keep.<point>`). */
const KEEP = ['account', 'signIns', 'cases', 'private', 'files', 'member'] as const;
/** Who sees what, row by row (`privacy.who.<who>` and `privacy.who.<who>See`). */
const WHO_SEES = ['you', 'otherSide', 'mediator', 'coordinator', 'court'] as const;
/** What a person can do with their data (`privacy.choices.<choice>`). */
const CHOICES = ['download', 'delete'] as const;

/** What Parley keeps about a person, who sees it, how long it is kept, and how to get it or delete it. */
export function PrivacyPage() {
  const { t } = useTranslation('visitor');
  return (
    <Page title={t('privacy.title')} lead={t('privacy.lead')}>
      <Section id="keep-title" title={t('privacy.keep.title')}>
        <Points i18nKey="privacy.keep" points={KEEP} />
      </Section>

      <Section id="private-title" title={t('privacy.private.title')}>
        <p>{t('privacy.private.said')}</p>
        <p>{t('privacy.private.locked')}</p>
        <p>{t('privacy.private.record')}</p>
        <p>{t('privacy.private.limits')}</p>
      </Section>

      <Section id="who-title" title={t('privacy.who.title')}>
        <dl className="rule-list">
          {WHO_SEES.map((who) => (
            <div key={who}>
              <dt>{t(`privacy.who.${who}`)}</dt>
              <dd>{t(`privacy.who.${who}See`)}</dd>
            </div>
          ))}
        </dl>
        <p>{t('privacy.who.noSale')}</p>
      </Section>

      <Section id="long-title" title={t('privacy.long.title')}>
        <p>{t('privacy.long.years')}</p>
        <p>{t('privacy.long.numbers')}</p>
      </Section>

      <Section id="choices-title" title={t('privacy.choices.title')}>
        <p>
          <Trans
            t={t}
            i18nKey="privacy.choices.where"
            components={{
              strong: <strong />,
              data: <Link to="/account/data" />,
            }}
          />
        </p>
        <Points i18nKey="privacy.choices" points={CHOICES} />
      </Section>

      <Section id="cookies-title" title={t('privacy.cookies.title')}>
        <p>{t('privacy.cookies.body')}</p>
      </Section>

      <Section id="questions-title" title={t('privacy.questions.title')}>
        <p>
          <Trans
            t={t}
            i18nKey="privacy.questions.body"
            components={{ address: <ContactAddress />, contact: <Link to="/contact" /> }}
          />
        </p>
      </Section>
    </Page>
  );
}
