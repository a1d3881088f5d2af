import { Link, Navigate, useLocation } from 'react-router';
import { circuitName, circuitOfScope } from '../../../domain/roles.ts';
import { ROLE_LABELS, useAccount } from '../../api/accounts.ts';
import { ApiError, errorMessage } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { visibleNav } from '../../nav.ts';
import { ChangePassword } from './ChangePassword.tsx';
import { LanguageSetting } from './LanguageSetting.tsx';
import { MobileNumber } from './MobileNumber.tsx';
import { SignedInDevices } from './SignedInDevices.tsx';
import { TwoStepSignIn } from './TwoStepSignIn.tsx';

export function AccountPage() {
  const location = useLocation();
  const account = useAccount();

  if (account.error instanceof ApiError && account.error.status === 401) {
    return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  }
  if (account.isPending) {
    return (
      <Page title="My account">
        <Loading what="Loading your account" />
      </Page>
    );
  }
  if (account.isError) {
    return (
      <Page title="My account">
        <Alert tone="error">{errorMessage(account.error)}</Alert>
      </Page>
    );
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
    <Page title="My account" lead={`Hello, ${me.name}.`}>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {me.mfaSetupRequired && !me.hasMfa ? (
        <Alert tone="warning" title="Please turn on two-step sign-in">
          <p>
            Your program asks everyone who works on its cases to use a code from a phone app when they sign
            in. Set it up below before you open any cases.
          </p>
          <p>
            <a href="#two-step">Set up two-step sign-in</a>
          </p>
        </Alert>
      ) : null}

      <section aria-labelledby="about-title" className="panel">
        <h2 id="about-title">About you</h2>
        <dl className="facts">
          <div>
            <dt>Name</dt>
            <dd>{me.name}</dd>
          </div>
          <div>
            <dt>E-mail</dt>
            <dd>
              {me.email}{' '}
              {me.emailVerified ? (
                <span className="tag tag-ok">confirmed</span>
              ) : (
                <span className="tag">not confirmed</span>
              )}
            </dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="roles-title" className="panel">
        <h2 id="roles-title">Your roles and programs</h2>
        {me.grants.length === 0 ? (
          <p>You do not have a role in a program yet. When a program invites you, it will show here.</p>
        ) : (
          <ul className="role-list">
            {me.grants.map((grant) => (
              <li key={`${grant.role}:${grant.scope}`}>
                <strong>{ROLE_LABELS[grant.role]}</strong>
                {programName(grant.scope) ? <> in {programName(grant.scope)}</> : null}
              </li>
            ))}
          </ul>
        )}
        {places.length > 0 ? (
          <>
            <h3>Where to go next</h3>
            <ul className="link-list">
              {places.map((item) => (
                <li key={item.to}>
                  <Link to={item.to}>{item.label}</Link>
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
        <Link to="/account/data">Download your data, or delete your account</Link>
      </p>
    </Page>
  );
}
