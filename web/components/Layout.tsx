import { useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate, useNavigation } from 'react-router';
import { signOut as signOutRoute } from '../../contracts/accounts.ts';
import { rolesOf, useResetAfterAuthChange, useSession } from '../api/accounts.ts';
import { useChange } from '../api/change.ts';
import { call } from '../api/client.ts';
import { visibleNav } from '../nav.ts';

export function Layout() {
  const session = useSession();
  const navigation = useNavigation();
  useFocusOnNavigate();
  const user = session.data?.user ?? null;
  const items = visibleNav({
    signedIn: user !== null,
    roles: rolesOf(session.data),
    demo: Boolean(session.data?.demo),
  });

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="site-header">
        <div className="header-inner">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true">
              P
            </span>
            <span className="brand-text">
              <span className="brand-name">Parley</span>
              <span className="brand-tagline">Mediation in Missouri</span>
            </span>
          </Link>
          <div className="account-bar">{user ? <SignedIn name={user.name} /> : <SignedOut />}</div>
        </div>
        <nav aria-label="Main" className="main-nav">
          <ul>
            {items.map((item) => (
              <li key={item.to}>
                {/* Exact match where another entry lies beneath this one (/association vs /association/staff). */}
                <NavLink
                  to={item.to}
                  end={item.to === '/' || items.some((other) => other.to.startsWith(`${item.to}/`))}
                >
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      {navigation.state === 'loading' ? (
        <div className="loading-bar" role="progressbar" aria-label="Loading the page" />
      ) : null}
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="footer-inner">
          <p>
            <strong>Parley</strong> helps people in Missouri settle disagreements with the help of a neutral
            mediator. A mediator does not give legal advice or decide for you.
          </p>
          <p>If you are in danger right now, call 911.</p>
        </div>
      </footer>
    </div>
  );
}

function SignedOut() {
  const location = useLocation();
  const onAuthPage = location.pathname === '/sign-in' || location.pathname === '/sign-up';
  return (
    <>
      <Link
        className="button button-small button-secondary"
        to="/sign-in"
        state={onAuthPage ? undefined : { from: location.pathname + location.search }}
      >
        Sign in
      </Link>
      <Link className="button button-small" to="/sign-up">
        Create account
      </Link>
    </>
  );
}

function SignedIn({ name }: { name: string }) {
  const navigate = useNavigate();
  const reset = useResetAfterAuthChange();
  const signOut = useChange(() => call(signOutRoute), {
    onSettled: async () => {
      await reset();
      navigate('/', { state: { notice: 'You are signed out.' } });
    },
  });
  return (
    <>
      <span className="signed-in-as">
        Signed in as <strong>{name}</strong>
      </span>
      <button
        type="button"
        className="button button-small button-secondary"
        onClick={() => signOut.run()}
        disabled={signOut.busy}
      >
        Sign out
      </button>
    </>
  );
}

/**
 * After moving to another page, put keyboard and screen-reader focus on its heading, so the
 * person hears where they are instead of starting again at the top of the header.
 */
function useFocusOnNavigate() {
  const location = useLocation();
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each change of page
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const frame = requestAnimationFrame(() => {
      const heading = document.querySelector<HTMLElement>('main h1');
      if (heading) {
        heading.setAttribute('tabindex', '-1');
        heading.focus();
      } else {
        document.getElementById('main')?.focus();
      }
    });
    return () => cancelAnimationFrame(frame);
  }, [location.pathname]);
}
