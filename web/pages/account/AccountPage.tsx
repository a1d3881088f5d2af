import { Trans, useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import { circuitName, circuitOfScope } from '../../../domain/roles.ts';
import { useAccount } from '../../api/accounts.ts';
import { ApiError } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Page, ReadingPage } from '../../components/Page.tsx';
import { visibleNav } from '../../nav.ts';
import { ChangePassword } from './ChangePassword.tsx';
import { LanguageSetting } from './LanguageSetting.tsx';
import { MobileNumber } from './MobileNumber.tsx';
import { SignedInDevices } from './SignedInDevices.tsx';
import { TwoStepSignIn } from './TwoStepSignIn.tsx';

export function AccountPage() {
  const { t } = useTranslation('account');
  const location = useLocation();
  const account = useAccount();

  if (account.error instanceof ApiError && account.error.status === 401) {
    return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  }
  if (account.isPending || account.isError) {
    return <ReadingPage title={t('page.title')} read={account} loading={t('page.loading')} />;
  }
  const me = account.data;
  // A court user's grant is for a circuit: "in the 16th Judicial Circuit".
  const programName = (scope: string) => {
    const circuit = circuitOfScope(scope);
    return (
      me.programs.find((p) => p.id === scope)?.name ?? (circuit === null ? undefined : circuitName(circuit))
    );
  };
  const roles = new Set(me.grants.map((g) => g.role));
  const places = visibleNav({ signedIn: true, roles, demo: false }).filter(
    (item) => item.audience === 'signed-in' && item.to !== '/account',
  );

  const notice = (location.state as { notice?: string } | null)?.notice;

  return (
    <Page title={t('page.title')} lead={t('page.hello', { name: me.name })}>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {me.mfaSetupRequired && !me.hasMfa ? (
        <Alert tone="warning" title={t('page.mfaRequired')}>
          <p>{t('page.mfaRequiredWhy')}</p>
          <p>
            <a href="#two-step">{t('page.mfaSetUp')}</a>
          </p>
        </Alert>
      ) : null}

      <section aria-labelledby="about-title" className="panel">
        <h2 id="about-title">{t('page.about')}</h2>
        <dl className="facts">
          <div>
            <dt>{t('page.name')}</dt>
            <dd>{me.name}</dd>
          </div>
          <div>
            <dt>{t('page.email')}</dt>
            <dd>
              {me.email}{' '}
              {me.emailVerified ? (
                <span className="tag tag-ok">{t('page.confirmed')}</span>
              ) : (
                <span className="tag">{t('page.notConfirmed')}</span>
              )}
            </dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="roles-title" className="panel">
        <h2 id="roles-title">{t('page.roles')}</h2>
        {me.grants.length === 0 ? (
          <p>{t('page.noRoles')}</p>
        ) : (
          <ul className="role-list">
            {me.grants.map((grant) => (
              <li key={`${grant.role}:${grant.scope}`}>
                {programName(grant.scope) ? (
                  <Trans
                    t={t}
                    i18nKey="page.roleIn"
                    values={{ role: grant.role, program: programName(grant.scope) }}
                    components={{ strong: <strong /> }}
                  />
                ) : (
                  <strong>{t('page.role', { role: grant.role })}</strong>
                )}
              </li>
            ))}
          </ul>
        )}
        {places.length > 0 ? (
          <>
            <h3>{t('page.next')}</h3>
            <ul className="link-list">
              {places.map((item) => (
                <li key={item.to}>
                  <Link to={item.to}>{t(`nav.${item.to}`, { ns: 'common', defaultValue: item.label })}</Link>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <LanguageSetting me={me} />
      <TwoStepSignIn me={me} />
      <MobileNumber />
      <ChangePassword />
      <SignedInDevices />
      <p className="panel">
        <Link to="/account/data">{t('page.data')}</Link>
      </p>
    </Page>
  );
}
