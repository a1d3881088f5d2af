import { useEffect, useRef, useState } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate, useNavigation } from 'react-router';
import { signOut as signOutRoute } from '../../contracts/accounts.ts';
import { rolesOf, useResetAfterAuthChange, useSession } from '../api/accounts.ts';
import { useChange } from '../api/change.ts';
import { call } from '../api/client.ts';
import { useUnreadCount } from '../api/notifications.ts';
import { FOOTER_NAV, type NavItem, visibleNav } from '../nav.ts';

export function Layout() {
  const session = useSession();
  const navigation = useNavigation();
  useFocusOnNavigate();
  const menu = useMenu();
  const user = session.data?.user ?? null;
  const items = visibleNav({
    signedIn: user !== null,
    roles: rolesOf(session.data),
    demo: Boolean(session.data?.demo),
  });
  const main = items.filter((item) => item.place !== 'account');
  const account = items.filter((item) => item.place === 'account');

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className={menu.open ? 'site-header menu-open' : 'site-header'}>
        <div className="header-inner">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true">
              P
            </span>
            <span className="brand-text">
              <span className="brand-name">Parley</span>
              <span className="brand-tagline">Mediation in Missouri</span>
            </span>
            <span className="visually-hidden"> (home page)</span>
          </Link>
          {user ? <NotificationBell /> : null}
          {/* Shown under 700 px only (styles.css): the account bar and the navigation fold behind it. */}
          <button
            ref={menu.button}
            type="button"
            className="menu-button"
            aria-expanded={menu.open}
            aria-controls="site-account site-nav"
            onClick={menu.toggle}
          >
            <span className="menu-icon" aria-hidden="true" />
            Menu
          </button>
          <div className="account-bar" id="site-account">
            {user ? <SignedIn name={user.name} links={account} /> : <SignedOut links={account} />}
          </div>
        </div>
        <nav aria-label="Main" className="main-nav" id="site-nav">
          <ul>
            {main.map((item) => (
              <li key={item.to}>
                {/* Exact match where another entry lies beneath this one (/association vs /association/staff). */}
                <NavLink
                  to={item.to}
                  end={item.to === '/' || main.some((other) => other.to.startsWith(`${item.to}/`))}
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
          <nav aria-label="About Parley" className="footer-nav">
            <ul>
              {FOOTER_NAV.map((item) => (
                <li key={item.to}>
                  <Link to={item.to}>{item.label}</Link>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </footer>
    </div>
  );
}

/**
 * The phone's menu: open or closed. It closes when the page changes and on Escape, which puts
 * focus back on the Menu button so a keyboard user is not left on a link that disappeared.
 */
function useMenu() {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const location = useLocation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: closes on each change of page
  useEffect(() => setOpen(false), [location.pathname, location.search]);
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);
  return { open, button, toggle: () => setOpen((was) => !was) };
}

function AccountLinks({ links }: { links: NavItem[] }) {
  return links.map((item) => (
    <NavLink key={item.to} to={item.to} className="account-link" end>
      {item.label}
    </NavLink>
  ));
}

function SignedOut({ links }: { links: NavItem[] }) {
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
      <AccountLinks links={links} />
    </>
  );
}

function SignedIn({ name, links }: { name: string; links: NavItem[] }) {
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
      <AccountLinks links={links} />
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

/**
 * The bell: the signed-in person's unread notifications, always in view (beside the phone's Menu
 * button, not folded behind it), linking to the notifications page.
 */
function NotificationBell() {
  const unread = useUnreadCount(true).data?.unread ?? 0;
  const label = unread === 0 ? 'Notifications, none unread' : `Notifications, ${unread} unread`;
  return (
    <NavLink to="/notifications" className="bell" aria-label={label} title={label} end>
      <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      {unread > 0 ? (
        <span className="bell-count" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </NavLink>
  );
}
