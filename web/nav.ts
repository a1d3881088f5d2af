import type { Role } from '../domain/roles.ts';

/**
 * The site's navigation as data. Each area adds its own entry here when its pages exist, and
 * links elsewhere (the home page's offers) read from this list, so nothing links to a page that
 * is not built yet.
 *
 * audience: everyone; guests (signed out); signed-in (any role, or only `roles` when given);
 * demo (only when the server runs with demo aids, such as the development mailbox).
 *
 * place: 'account' puts the link beside the person's name instead of in the main navigation, so
 * that the main navigation stays on one line on a wide screen for every role (the e2e visitor
 * journey measures it at 1280 px). The brand is the link home.
 */
export type NavItem = {
  to: string;
  label: string;
  audience: 'everyone' | 'guests' | 'signed-in' | 'demo';
  roles?: Role[];
  place?: 'main' | 'account';
};

export const NAV: NavItem[] = [
  { to: '/programs', label: 'Programs', audience: 'everyone' },
  { to: '/find-a-mediator', label: 'Find a mediator', audience: 'everyone' },
  { to: '/trainings', label: 'Trainings', audience: 'everyone' },
  { to: '/become-a-mediator', label: 'Become a mediator', audience: 'everyone' },
  { to: '/association', label: 'The association', audience: 'everyone' },
  { to: '/members', label: 'Members', audience: 'signed-in', roles: ['member', 'staff'] },
  { to: '/association/staff', label: 'Staff desk', audience: 'signed-in', roles: ['staff', 'admin'] },
  {
    to: '/my-directory-profile',
    label: 'My directory profile',
    audience: 'signed-in',
    roles: ['mediator', 'member'],
  },
  {
    to: '/directory/review',
    label: 'Training records',
    audience: 'signed-in',
    roles: ['staff', 'admin', 'coordinator'],
  },
  { to: '/calendar', label: 'Calendar', audience: 'signed-in', roles: ['mediator'] },
  { to: '/cases', label: 'My cases', audience: 'signed-in' },
  { to: '/court', label: 'Referred cases', audience: 'signed-in', roles: ['court'] },
  { to: '/court/users', label: 'Court users', audience: 'signed-in', roles: ['admin'], place: 'account' },
  { to: '/account', label: 'My account', audience: 'signed-in', place: 'account' },
  { to: '/dev/mailbox', label: 'Demo mailbox', audience: 'demo', place: 'account' },
  { to: '/dev/texts', label: 'Demo texts', audience: 'demo', place: 'account' },
];

/** The footer's links ("About Parley"), on every page. */
export const FOOTER_NAV: { to: string; label: string }[] = [
  { to: '/privacy', label: 'Privacy notice' },
  { to: '/accessibility', label: 'Accessibility' },
  { to: '/contact', label: 'Contact us' },
];

/**
 * Shown as "what Parley offers" on the home page, each offer's words under `offers.<key>` in the
 * home catalog (i18n/<language>/home.json); `to` is set once the area's page exists.
 */
export type Offer = { key: 'findMediator' | 'askForMediation' | 'programs' | 'forMediators'; to?: string };

export const OFFERS: Offer[] = [
  { key: 'findMediator', to: '/find-a-mediator' },
  { key: 'askForMediation', to: '/cases/new' },
  { key: 'programs', to: '/programs' },
  { key: 'forMediators' },
];

export function visibleNav(options: { signedIn: boolean; roles: Set<Role>; demo: boolean }): NavItem[] {
  return NAV.filter((item) => {
    if (item.audience === 'everyone') return true;
    if (item.audience === 'guests') return !options.signedIn;
    if (item.audience === 'demo') return options.demo;
    return options.signedIn && (!item.roles || item.roles.some((r) => options.roles.has(r)));
  });
}
