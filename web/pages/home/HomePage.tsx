import { lazy, type ReactNode, Suspense } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { isCourtUser, isMediator, queueProgramOf, useSession } from '../../api/accounts.ts';
import { Alert } from '../../components/Alert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Section } from '../../components/Section.tsx';
import { OFFERS } from '../../nav.ts';

const Desk = lazy(() => import('./MediatorDesk.tsx').then((m) => ({ default: m.MediatorDesk })));
const MyWork = lazy(() => import('./MyWork.tsx').then((m) => ({ default: m.MyWork })));
const CourtCases = lazy(() => import('../court/CourtCasesPage.tsx').then((m) => ({ default: m.CourtCases })));
const WorkQueue = lazy(() => import('../cases/WorkQueuePage.tsx').then((m) => ({ default: m.WorkQueue })));

/** The catalog's <strong> marks bold words inside a sentence. */
const BOLD = { strong: <strong /> };

/** A card on the visitor's home: its heading, its sentence, and what follows (a link). */
function Card({ title, more, children }: { title: string; more?: ReactNode; children: ReactNode }) {
  return (
    <div className="card">
      <h3>{title}</h3>
      <p>{children}</p>
      {more}
    </div>
  );
}

/**
 * The home of a court user, a mediator or a party: its title, heading and lead (the catalog's
 * entry `i18nKey`), the notice the page before left, then their work, loaded on first visit.
 */
function SignedInHome({
  i18nKey,
  loading,
  notice,
  wide = false,
  children,
}: {
  i18nKey: 'court' | 'desk' | 'party';
  loading: string;
  notice: string | undefined;
  wide?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation('home');
  return (
    <Suspense fallback={<Loading what={loading} />}>
      <div className={wide ? 'page page-wide' : 'page'}>
        <title>{t(`${i18nKey}.title`)}</title>
        <h1>{t(`${i18nKey}.heading`)}</h1>
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        <p className="lead">{t(`${i18nKey}.lead`)}</p>
        {children}
      </div>
    </Suspense>
  );
}

export function HomePage() {
  const { t } = useTranslation('home');
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice;
  const session = useSession();
  const user = session.data?.user;
  const queueProgram = queueProgramOf(user);
  if (queueProgram)
    return (
      <Suspense fallback={<Loading what={t('loadingQueue')} />}>
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        <WorkQueue programId={queueProgram} />
      </Suspense>
    );

  if (isCourtUser(user))
    return (
      <SignedInHome i18nKey="court" loading={t('loadingReferred')} notice={notice} wide>
        <CourtCases />
      </SignedInHome>
    );
  if (isMediator(user))
    return (
      <SignedInHome i18nKey="desk" loading={t('loadingDesk')} notice={notice} wide>
        <Desk />
      </SignedInHome>
    );
  if (user)
    return (
      <SignedInHome i18nKey="party" loading={t('loadingCases')} notice={notice}>
        <p>
          <Link className="button" to="/cases/new">
            {t('party.ask')}
          </Link>
        </p>
        <MyWork />
      </SignedInHome>
    );

  return (
    <div className="home">
      <title>{t('title')}</title>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">{t('hero.heading')}</h1>
        <p className="lead">{t('hero.lead')}</p>
        <div className="hero-actions">
          <Link className="button" to="/sign-up">
            {t('hero.createAccount')}
          </Link>
          <Link className="button button-secondary" to="/sign-in">
            {t('hero.signIn')}
          </Link>
        </div>
      </section>

      <Section id="what-title" title={t('what.heading')} className="band">
        <ul className="steps">
          {(['table', 'fair', 'choose'] as const).map((step) => (
            <li key={step}>
              <Trans t={t} i18nKey={`what.${step}`} components={BOLD} />
            </li>
          ))}
        </ul>
      </Section>

      <Section id="why-title" title={t('why.heading')} className="band">
        <div className="cards">
          {(['plan', 'need', 'next'] as const).map((reason) => (
            <Card key={reason} title={t(`why.${reason}Title`)}>
              {t(`why.${reason}`)}
            </Card>
          ))}
        </div>
      </Section>

      <Section id="private-title" title={t('private.heading')} className="band">
        <p>
          <Trans t={t} i18nKey="private.rules" components={BOLD} />
        </p>
        <p>{t('private.limits')}</p>
      </Section>

      <Section id="iep-title" title={t('iep.heading')} className="band band-highlight">
        <p>{t('iep.intro')}</p>
        <ul className="checks">
          {(['free', 'choice', 'private', 'support'] as const).map((point) => (
            <li key={point}>
              <Trans t={t} i18nKey={`iep.${point}`} components={BOLD} />
            </li>
          ))}
        </ul>
      </Section>

      <Section id="offers-title" title={t('offers.heading')} className="band">
        <div className="cards">
          {OFFERS.map((offer) => (
            <Card
              key={offer.key}
              title={t(`offers.${offer.key}.title`)}
              more={
                offer.to ? (
                  <p>
                    <Link to={offer.to} className="card-link">
                      {t(`offers.${offer.key}.link`)}
                    </Link>
                  </p>
                ) : null
              }
            >
              {t(`offers.${offer.key}.text`)}
            </Card>
          ))}
        </div>
      </Section>

      <Section id="safety-title" title={t('safety.heading')} className="band">
        <p>{t('safety.text')}</p>
      </Section>
    </div>
  );
}
