import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigate, useNavigation } from 'react-router';
import { signOut as signOutRoute, updateAccount } from '../../contracts/accounts.ts';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../../domain/languages.ts';
import { accountKeys, rolesOf, useResetAfterAuthChange, useSession } from '../api/accounts.ts';
import { useChange } from '../api/change.ts';
import { call } from '../api/client.ts';
import { useUnreadCount } from '../api/notifications.ts';
import { showLanguage, useLanguage } from '../i18n.ts';
import { FOOTER_NAV, type NavItem, visibleNav } from '../nav.ts';

export function Layout() {
  const { t } = useTranslation('common');
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
  // A signed-in person reads Parley in their account's language, whatever this browser last showed.
  const accountLanguage = user?.language;
  useEffect(() => {
    if (accountLanguage) showLanguage(accountLanguage);
  }, [accountLanguage]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('shell.skipLink')}
      </a>
      <header className={menu.open ? 'site-header menu-open' : 'site-header'}>
        <div className="header-inner">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true">
              {t('shell.brandMark')}
            </span>
            <span className="brand-text">
              <span className="brand-name">{t('shell.brandName')}</span>
              <span className="brand-tagline">{t('shell.tagline')}</span>
            </span>
            <span className="visually-hidden">{t('shell.homePage')}</span>
          </Link>
          {user ? <NotificationBell /> : null}
          <LanguageSwitch signedIn={user !== null} />
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
            {t('shell.menu')}
          </button>
          <div className="account-bar" id="site-account">
            {user ? <SignedIn name={user.name} links={account} /> : <SignedOut links={account} />}
          </div>
        </div>
        <nav aria-label={t('shell.mainNav')} className="main-nav" id="site-nav">
          <ul>
            {main.map((item) => (
              <li key={item.to}>
                {/* Exact match where another entry lies beneath this one (/association vs /association/staff). */}
                <NavLink
                  to={item.to}
                  end={item.to === '/' || main.some((other) => other.to.startsWith(`${item.to}/`))}
                >
                  {navLabel(t, item)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      {navigation.state === 'loading' ? (
        <div className="loading-bar" role="progressbar" aria-label={t('shell.loadingPage')} />
      ) : null}
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="footer-inner">
          <p>
            <Trans t={t} i18nKey="shell.footerAbout" components={{ strong: <strong /> }} />
          </p>
          <p>{t('shell.danger')}</p>
          <nav aria-label={t('shell.footerNav')} className="footer-nav">
            <ul>
              {FOOTER_NAV.map((item) => (
                <li key={item.to}>
                  <Link to={item.to}>{navLabel(t, item)}</Link>
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

/** A link's words in the page's language: the catalog's `nav` entry for its path, else its English label. */
const navLabel = (t: TFunction<'common'>, item: { to: string; label: string }) =>
  t(`nav.${item.to}`, { defaultValue: item.label });

/**
 * The language switch, on every page: the other languages, each named in its own words and marked
 * with its `lang`. A signed-in person's choice is kept on their account (so their e-mails follow),
 * a visitor's in this browser.
 */
function LanguageSwitch({ signedIn }: { signedIn: boolean }) {
  const language = useLanguage();
  const save = useChange((body: { language: Language }) => call(updateAccount, { body }), {
    invalidates: [accountKeys.all],
  });
  const choose = (next: Language) => {
    showLanguage(next);
    if (signedIn) void save.run({ language: next });
  };
  return (
    <div className="language-switch">
      {LANGUAGES.filter((other) => other !== language).map((other) => (
        <button
          key={other}
          type="button"
          lang={other}
          className="language-button"
          onClick={() => choose(other)}
        >
          {LANGUAGE_NAMES[other]}
        </button>
      ))}
    </div>
  );
}

function AccountLinks({ links }: { links: NavItem[] }) {
  const { t } = useTranslation('common');
  return links.map((item) => (
    <NavLink key={item.to} to={item.to} className="account-link" end>
      {navLabel(t, item)}
    </NavLink>
  ));
}

function SignedOut({ links }: { links: NavItem[] }) {
  const { t } = useTranslation('common');
  const location = useLocation();
  const onAuthPage = location.pathname === '/sign-in' || location.pathname === '/sign-up';
  return (
    <>
      <Link
        className="button button-small button-secondary"
        to="/sign-in"
        state={onAuthPage ? undefined : { from: location.pathname + location.search }}
      >
        {t('shell.signIn')}
      </Link>
      <Link className="button button-small" to="/sign-up">
        {t('shell.createAccount')}
      </Link>
      <AccountLinks links={links} />
    </>
  );
}

function SignedIn({ name, links }: { name: string; links: NavItem[] }) {
  const { t } = useTranslation('common');
  const navigate = useNavigate();
  const reset = useResetAfterAuthChange();
  const signOut = useChange(() => call(signOutRoute), {
    onSettled: async () => {
      await reset();
      navigate('/', { state: { notice: t('shell.signedOut') } });
    },
  });
  return (
    <>
      <span className="signed-in-as">
        {t('shell.signedInAs')} <strong>{name}</strong>
      </span>
      <AccountLinks links={links} />
      <button
        type="button"
        className="button button-small button-secondary"
        onClick={() => signOut.run()}
        disabled={signOut.busy}
      >
        {t('shell.signOut')}
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
  const { t } = useTranslation('common');
  const unread = useUnreadCount(true).data?.unread ?? 0;
  const label = t('shell.notifications', { unread });
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
