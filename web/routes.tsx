import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { Layout } from './components/Layout.tsx';
import { RouteError } from './pages/errors/RouteError.tsx';

/** A page loaded on its first visit: `name` is the component its module exports. */
function lazyPage<N extends string, M extends Record<N, ComponentType>>(load: () => Promise<M>, name: N) {
  return async () => ({ Component: (await load())[name] });
}

/** The route at `path` to a page loaded on its first visit. */
function page<N extends string, M extends Record<N, ComponentType>>(
  path: string,
  load: () => Promise<M>,
  name: N,
): RouteObject {
  return { path, lazy: lazyPage(load, name) };
}

/**
 * The route table: one line per page. Each page is loaded on first visit, so a visitor reading
 * the home page does not download the account pages. Add an area's pages here and its link in
 * nav.ts.
 */
const pages: RouteObject[] = [
  { index: true, lazy: lazyPage(() => import('./pages/home/HomePage.tsx'), 'HomePage') },
  page('programs', () => import('./pages/programs/ProgramsPage.tsx'), 'ProgramsPage'),
  page('programs/:programId', () => import('./pages/programs/ProgramRulesPage.tsx'), 'ProgramRulesPage'),
  page('sign-in', () => import('./pages/auth/SignInPage.tsx'), 'SignInPage'),
  page('sign-up', () => import('./pages/auth/SignUpPage.tsx'), 'SignUpPage'),
  page('verify-email', () => import('./pages/auth/VerifyEmailPage.tsx'), 'VerifyEmailPage'),
  page('forgot-password', () => import('./pages/auth/ForgotPasswordPage.tsx'), 'ForgotPasswordPage'),
  page('reset-password', () => import('./pages/auth/ResetPasswordPage.tsx'), 'ResetPasswordPage'),
  page('unlock-account', () => import('./pages/auth/UnlockAccountPage.tsx'), 'UnlockAccountPage'),
  page('account', () => import('./pages/account/AccountPage.tsx'), 'AccountPage'),
  page('notifications', () => import('./pages/notifications/NotificationsPage.tsx'), 'NotificationsPage'),
  page(
    'notifications/settings',
    () => import('./pages/notifications/NotificationSettingsPage.tsx'),
    'NotificationSettingsPage',
  ),
  page('dev/texts', () => import('./pages/dev/TextOutboxPage.tsx'), 'TextOutboxPage'),
  page('account/data', () => import('./pages/account/MyDataPage.tsx'), 'MyDataPage'),
  page('invitation', () => import('./pages/invitations/InvitationPage.tsx'), 'InvitationPage'),
  page('dev/checkout/:checkoutId', () => import('./pages/dev/CheckoutPage.tsx'), 'CheckoutPage'),
  page('dev/mailbox', () => import('./pages/dev/MailboxPage.tsx'), 'MailboxPage'),
  // Find a Mediator: the public directory, profiles, the mediator's own profile, the review queue.
  page('find-a-mediator', () => import('./pages/directory/FindMediatorPage.tsx'), 'FindMediatorPage'),
  page('mediators/:profileId', () => import('./pages/directory/MediatorPage.tsx'), 'MediatorPage'),
  page('my-directory-profile', () => import('./pages/directory/MyProfilePage.tsx'), 'MyProfilePage'),
  page('directory/review', () => import('./pages/directory/ReviewPage.tsx'), 'ReviewPage'),
  // The association: join, trainings, the path, members only, standards, staff.
  page('association', () => import('./pages/association/AssociationPage.tsx'), 'AssociationPage'),
  page('association/staff', () => import('./pages/association/StaffPage.tsx'), 'StaffPage'),
  page(
    'association/staff/members',
    () => import('./pages/association/StaffMembersPage.tsx'),
    'StaffMembersPage',
  ),
  page(
    'association/staff/members/:userId',
    () => import('./pages/association/MemberRecordPage.tsx'),
    'MemberRecordPage',
  ),
  page(
    'association/staff/mediators',
    () => import('./pages/directory/StaffProfilePages.tsx'),
    'StaffMediatorsPage',
  ),
  page(
    'association/staff/mediators/:profileId',
    () => import('./pages/directory/StaffProfilePages.tsx'),
    'StaffProfilePage',
  ),
  page('association/staff/dues', () => import('./pages/association/StaffJobPages.tsx'), 'StaffDuesPage'),
  page('association/staff/events', () => import('./pages/association/StaffJobPages.tsx'), 'StaffEventsPage'),
  page(
    'association/staff/newsletter',
    () => import('./pages/association/StaffJobPages.tsx'),
    'StaffNewsletterPage',
  ),
  page('association/staff/jobs', () => import('./pages/association/StaffJobPages.tsx'), 'StaffJobsPage'),
  page('association/staff/forms', () => import('./pages/association/StaffJobPages.tsx'), 'StaffFormsPage'),
  page('trainings', () => import('./pages/association/TrainingsPage.tsx'), 'TrainingsPage'),
  page('trainings/:id', () => import('./pages/association/TrainingPage.tsx'), 'TrainingPage'),
  page('certificates/:code?', () => import('./pages/association/CertificatePage.tsx'), 'CertificatePage'),
  page('become-a-mediator', () => import('./pages/association/BecomeMediatorPage.tsx'), 'BecomeMediatorPage'),
  page('members', () => import('./pages/association/MembersPage.tsx'), 'MembersPage'),
  page('standards-of-conduct', () => import('./pages/association/StandardsPage.tsx'), 'StandardsPage'),
  page('newsletter', () => import('./pages/association/NewsletterPage.tsx'), 'NewsletterPage'),
  page(
    'newsletter/confirm',
    () => import('./pages/association/NewsletterConfirmPage.tsx'),
    'NewsletterConfirmPage',
  ),
  page('jobs', () => import('./pages/association/JobsBoardPage.tsx'), 'JobsBoardPage'),
  page('newsletter/unsubscribe', () => import('./pages/association/UnsubscribePage.tsx'), 'UnsubscribePage'),
  // The court's pages: its referred cases, and one case as the court may see it.
  page('court', () => import('./pages/court/CourtCasesPage.tsx'), 'CourtCasesPage'),
  page('court/users', () => import('./pages/court/CourtUsersPage.tsx'), 'CourtUsersPage'),
  page('court/cases/:caseId', () => import('./pages/court/CourtCasePage.tsx'), 'CourtCasePage'),
  page('poll', () => import('./pages/mediation/PollLinkPage.tsx'), 'PollLinkPage'),
  page('calendar', () => import('./pages/calendar/CalendarPage.tsx'), 'CalendarPage'),
  page('cases/:caseId/preparation', () => import('./pages/mediation/PreparationPage.tsx'), 'PreparationPage'),
  page('cases/:caseId/sessions', () => import('./pages/mediation/SessionsPage.tsx'), 'SessionsPage'),
  page('cases/:caseId/messages', () => import('./pages/mediation/MessagesPage.tsx'), 'MessagesPage'),
  page('cases/:caseId/documents', () => import('./pages/mediation/DocumentsPage.tsx'), 'DocumentsPage'),
  page('cases/:caseId/issues', () => import('./pages/mediation/IssuesPage.tsx'), 'IssuesPage'),
  page('cases/:caseId/agreement', () => import('./pages/mediation/AgreementPage.tsx'), 'AgreementPage'),
  page('cases/:caseId/notes', () => import('./pages/mediation/NotesPage.tsx'), 'NotesPage'),
  page('cases/:caseId/outcome', () => import('./pages/mediation/OutcomePage.tsx'), 'OutcomePage'),
  page('cases/:caseId/survey', () => import('./pages/mediation/SurveyPage.tsx'), 'SurveyPage'),
  // After the agreement: the promises page for a case, and the program's view.
  page('cases/:caseId/promises', () => import('./pages/compliance/PromisesPage.tsx'), 'PromisesPage'),
  page(
    'programs/:programId/compliance',
    () => import('./pages/compliance/ProgramCompliancePage.tsx'),
    'ProgramCompliancePage',
  ),
  page('cases', () => import('./pages/cases/CasesPage.tsx'), 'CasesPage'),
  page('cases/new', () => import('./pages/cases/RequestPage.tsx'), 'RequestPage'),
  page('cases/:caseId', () => import('./pages/cases/CasePage.tsx'), 'CasePage'),
  page('programs/:programId/retention', () => import('./pages/retention/RetentionPage.tsx'), 'RetentionPage'),
  page(
    'programs/:programId/case-report',
    () => import('./pages/retention/CaseReportPage.tsx'),
    'CaseReportPage',
  ),
  page('programs/:programId/reports', () => import('./pages/reports/DashboardPage.tsx'), 'DashboardPage'),
  page(
    'programs/:programId/summary',
    () => import('./pages/reports/PublicSummaryPage.tsx'),
    'PublicSummaryPage',
  ),
  page('programs/:programId/reports/federal', () => import('./pages/reports/FederalPage.tsx'), 'FederalPage'),
  page('programs/:programId/cases', () => import('./pages/cases/WorkQueuePage.tsx'), 'WorkQueuePage'),
  page('programs/:programId/roster', () => import('./pages/programs/RosterPage.tsx'), 'RosterPage'),
  page(
    'programs/:programId/confidentiality-exceptions',
    () => import('./pages/cases/ProgramExceptionsPage.tsx'),
    'ProgramExceptionsPage',
  ),
  // The footer's pages: the privacy notice, the accessibility statement, how to reach us.
  page('privacy', () => import('./pages/about/PrivacyPage.tsx'), 'PrivacyPage'),
  page('accessibility', () => import('./pages/about/AccessibilityPage.tsx'), 'AccessibilityPage'),
  page('contact', () => import('./pages/about/ContactPage.tsx'), 'ContactPage'),
  page('*', () => import('./pages/errors/NotFoundPage.tsx'), 'NotFoundPage'),
];

export const router = createBrowserRouter([
  {
    path: '/',
    Component: Layout,
    ErrorBoundary: RouteError,
    children: [{ ErrorBoundary: RouteError, children: pages }],
  },
]);
