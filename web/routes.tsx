import { createBrowserRouter, type RouteObject } from 'react-router';
import { Layout } from './components/Layout.tsx';
import { RouteError } from './pages/errors/RouteError.tsx';

/**
 * The route table: one line per page. Each page is loaded on first visit, so a visitor reading
 * the home page does not download the account pages. Add an area's pages here and its link in
 * nav.ts.
 */
const pages: RouteObject[] = [
  { index: true, lazy: () => import('./pages/home/HomePage.tsx').then((m) => ({ Component: m.HomePage })) },
  {
    path: 'programs',
    lazy: () => import('./pages/programs/ProgramsPage.tsx').then((m) => ({ Component: m.ProgramsPage })),
  },
  {
    path: 'programs/:programId',
    lazy: () =>
      import('./pages/programs/ProgramRulesPage.tsx').then((m) => ({ Component: m.ProgramRulesPage })),
  },
  {
    path: 'sign-in',
    lazy: () => import('./pages/auth/SignInPage.tsx').then((m) => ({ Component: m.SignInPage })),
  },
  {
    path: 'sign-up',
    lazy: () => import('./pages/auth/SignUpPage.tsx').then((m) => ({ Component: m.SignUpPage })),
  },
  {
    path: 'verify-email',
    lazy: () => import('./pages/auth/VerifyEmailPage.tsx').then((m) => ({ Component: m.VerifyEmailPage })),
  },
  {
    path: 'forgot-password',
    lazy: () =>
      import('./pages/auth/ForgotPasswordPage.tsx').then((m) => ({ Component: m.ForgotPasswordPage })),
  },
  {
    path: 'reset-password',
    lazy: () =>
      import('./pages/auth/ResetPasswordPage.tsx').then((m) => ({ Component: m.ResetPasswordPage })),
  },
  {
    path: 'unlock-account',
    lazy: () =>
      import('./pages/auth/UnlockAccountPage.tsx').then((m) => ({ Component: m.UnlockAccountPage })),
  },
  {
    path: 'account',
    lazy: () => import('./pages/account/AccountPage.tsx').then((m) => ({ Component: m.AccountPage })),
  },
  {
    path: 'notifications',
    lazy: () =>
      import('./pages/notifications/NotificationsPage.tsx').then((m) => ({ Component: m.NotificationsPage })),
  },
  {
    path: 'notifications/settings',
    lazy: () =>
      import('./pages/notifications/NotificationSettingsPage.tsx').then((m) => ({
        Component: m.NotificationSettingsPage,
      })),
  },
  {
    path: 'dev/texts',
    lazy: () => import('./pages/dev/TextOutboxPage.tsx').then((m) => ({ Component: m.TextOutboxPage })),
  },
  {
    path: 'account/data',
    lazy: () => import('./pages/account/MyDataPage.tsx').then((m) => ({ Component: m.MyDataPage })),
  },
  {
    path: 'invitation',
    lazy: () =>
      import('./pages/invitations/InvitationPage.tsx').then((m) => ({ Component: m.InvitationPage })),
  },
  {
    path: 'dev/checkout/:checkoutId',
    lazy: () => import('./pages/dev/CheckoutPage.tsx').then((m) => ({ Component: m.CheckoutPage })),
  },
  {
    path: 'dev/mailbox',
    lazy: () => import('./pages/dev/MailboxPage.tsx').then((m) => ({ Component: m.MailboxPage })),
  },
  // Find a Mediator: the public directory, profiles, the mediator's own profile, the review queue.
  {
    path: 'find-a-mediator',
    lazy: () =>
      import('./pages/directory/FindMediatorPage.tsx').then((m) => ({ Component: m.FindMediatorPage })),
  },
  {
    path: 'mediators/:profileId',
    lazy: () => import('./pages/directory/MediatorPage.tsx').then((m) => ({ Component: m.MediatorPage })),
  },
  {
    path: 'my-directory-profile',
    lazy: () => import('./pages/directory/MyProfilePage.tsx').then((m) => ({ Component: m.MyProfilePage })),
  },
  {
    path: 'directory/review',
    lazy: () => import('./pages/directory/ReviewPage.tsx').then((m) => ({ Component: m.ReviewPage })),
  },
  // The association: join, trainings, the path, members only, standards, staff.
  {
    path: 'association',
    lazy: () =>
      import('./pages/association/AssociationPage.tsx').then((m) => ({ Component: m.AssociationPage })),
  },
  {
    path: 'association/staff',
    lazy: () => import('./pages/association/StaffPage.tsx').then((m) => ({ Component: m.StaffPage })),
  },
  {
    path: 'association/staff/members',
    lazy: () =>
      import('./pages/association/StaffMembersPage.tsx').then((m) => ({ Component: m.StaffMembersPage })),
  },
  {
    path: 'association/staff/members/:userId',
    lazy: () =>
      import('./pages/association/MemberRecordPage.tsx').then((m) => ({ Component: m.MemberRecordPage })),
  },
  {
    path: 'association/staff/mediators',
    lazy: () =>
      import('./pages/directory/StaffProfilePages.tsx').then((m) => ({ Component: m.StaffMediatorsPage })),
  },
  {
    path: 'association/staff/mediators/:profileId',
    lazy: () =>
      import('./pages/directory/StaffProfilePages.tsx').then((m) => ({ Component: m.StaffProfilePage })),
  },
  {
    path: 'association/staff/dues',
    lazy: () => import('./pages/association/StaffJobPages.tsx').then((m) => ({ Component: m.StaffDuesPage })),
  },
  {
    path: 'association/staff/events',
    lazy: () =>
      import('./pages/association/StaffJobPages.tsx').then((m) => ({ Component: m.StaffEventsPage })),
  },
  {
    path: 'association/staff/newsletter',
    lazy: () =>
      import('./pages/association/StaffJobPages.tsx').then((m) => ({ Component: m.StaffNewsletterPage })),
  },
  {
    path: 'association/staff/jobs',
    lazy: () => import('./pages/association/StaffJobPages.tsx').then((m) => ({ Component: m.StaffJobsPage })),
  },
  {
    path: 'association/staff/forms',
    lazy: () =>
      import('./pages/association/StaffJobPages.tsx').then((m) => ({ Component: m.StaffFormsPage })),
  },
  {
    path: 'trainings',
    lazy: () => import('./pages/association/TrainingsPage.tsx').then((m) => ({ Component: m.TrainingsPage })),
  },
  {
    path: 'trainings/:id',
    lazy: () => import('./pages/association/TrainingPage.tsx').then((m) => ({ Component: m.TrainingPage })),
  },
  {
    path: 'certificates/:code?',
    lazy: () =>
      import('./pages/association/CertificatePage.tsx').then((m) => ({ Component: m.CertificatePage })),
  },
  {
    path: 'become-a-mediator',
    lazy: () =>
      import('./pages/association/BecomeMediatorPage.tsx').then((m) => ({ Component: m.BecomeMediatorPage })),
  },
  {
    path: 'members',
    lazy: () => import('./pages/association/MembersPage.tsx').then((m) => ({ Component: m.MembersPage })),
  },
  {
    path: 'standards-of-conduct',
    lazy: () => import('./pages/association/StandardsPage.tsx').then((m) => ({ Component: m.StandardsPage })),
  },
  {
    path: 'newsletter',
    lazy: () =>
      import('./pages/association/NewsletterPage.tsx').then((m) => ({ Component: m.NewsletterPage })),
  },
  {
    path: 'newsletter/confirm',
    lazy: () =>
      import('./pages/association/NewsletterConfirmPage.tsx').then((m) => ({
        Component: m.NewsletterConfirmPage,
      })),
  },
  {
    path: 'jobs',
    lazy: () => import('./pages/association/JobsBoardPage.tsx').then((m) => ({ Component: m.JobsBoardPage })),
  },
  {
    path: 'newsletter/unsubscribe',
    lazy: () =>
      import('./pages/association/UnsubscribePage.tsx').then((m) => ({ Component: m.UnsubscribePage })),
  },
  // The court's pages: its referred cases, and one case as the court may see it.
  {
    path: 'court',
    lazy: () => import('./pages/court/CourtCasesPage.tsx').then((m) => ({ Component: m.CourtCasesPage })),
  },
  {
    path: 'court/users',
    lazy: () => import('./pages/court/CourtUsersPage.tsx').then((m) => ({ Component: m.CourtUsersPage })),
  },
  {
    path: 'court/cases/:caseId',
    lazy: () => import('./pages/court/CourtCasePage.tsx').then((m) => ({ Component: m.CourtCasePage })),
  },
  {
    path: 'poll',
    lazy: () => import('./pages/mediation/PollLinkPage.tsx').then((m) => ({ Component: m.PollLinkPage })),
  },
  {
    path: 'calendar',
    lazy: () => import('./pages/calendar/CalendarPage.tsx').then((m) => ({ Component: m.CalendarPage })),
  },
  {
    path: 'cases/:caseId/preparation',
    lazy: () =>
      import('./pages/mediation/PreparationPage.tsx').then((m) => ({ Component: m.PreparationPage })),
  },
  {
    path: 'cases/:caseId/sessions',
    lazy: () => import('./pages/mediation/SessionsPage.tsx').then((m) => ({ Component: m.SessionsPage })),
  },
  {
    path: 'cases/:caseId/messages',
    lazy: () => import('./pages/mediation/MessagesPage.tsx').then((m) => ({ Component: m.MessagesPage })),
  },
  {
    path: 'cases/:caseId/documents',
    lazy: () => import('./pages/mediation/DocumentsPage.tsx').then((m) => ({ Component: m.DocumentsPage })),
  },
  {
    path: 'cases/:caseId/issues',
    lazy: () => import('./pages/mediation/IssuesPage.tsx').then((m) => ({ Component: m.IssuesPage })),
  },
  {
    path: 'cases/:caseId/agreement',
    lazy: () => import('./pages/mediation/AgreementPage.tsx').then((m) => ({ Component: m.AgreementPage })),
  },
  {
    path: 'cases/:caseId/notes',
    lazy: () => import('./pages/mediation/NotesPage.tsx').then((m) => ({ Component: m.NotesPage })),
  },
  {
    path: 'cases/:caseId/outcome',
    lazy: () => import('./pages/mediation/OutcomePage.tsx').then((m) => ({ Component: m.OutcomePage })),
  },
  {
    path: 'cases/:caseId/survey',
    lazy: () => import('./pages/mediation/SurveyPage.tsx').then((m) => ({ Component: m.SurveyPage })),
  },
  // After the agreement: the promises page for a case, and the program's view.
  {
    path: 'cases/:caseId/promises',
    lazy: () => import('./pages/compliance/PromisesPage.tsx').then((m) => ({ Component: m.PromisesPage })),
  },
  {
    path: 'programs/:programId/compliance',
    lazy: () =>
      import('./pages/compliance/ProgramCompliancePage.tsx').then((m) => ({
        Component: m.ProgramCompliancePage,
      })),
  },
  {
    path: 'cases',
    lazy: () => import('./pages/cases/CasesPage.tsx').then((m) => ({ Component: m.CasesPage })),
  },
  {
    path: 'cases/new',
    lazy: () => import('./pages/cases/RequestPage.tsx').then((m) => ({ Component: m.RequestPage })),
  },
  {
    path: 'cases/:caseId',
    lazy: () => import('./pages/cases/CasePage.tsx').then((m) => ({ Component: m.CasePage })),
  },
  {
    path: 'programs/:programId/retention',
    lazy: () => import('./pages/retention/RetentionPage.tsx').then((m) => ({ Component: m.RetentionPage })),
  },
  {
    path: 'programs/:programId/case-report',
    lazy: () => import('./pages/retention/CaseReportPage.tsx').then((m) => ({ Component: m.CaseReportPage })),
  },
  {
    path: 'programs/:programId/reports',
    lazy: () => import('./pages/reports/DashboardPage.tsx').then((m) => ({ Component: m.DashboardPage })),
  },
  {
    path: 'programs/:programId/summary',
    lazy: () =>
      import('./pages/reports/PublicSummaryPage.tsx').then((m) => ({ Component: m.PublicSummaryPage })),
  },
  {
    path: 'programs/:programId/reports/federal',
    lazy: () => import('./pages/reports/FederalPage.tsx').then((m) => ({ Component: m.FederalPage })),
  },
  {
    path: 'programs/:programId/cases',
    lazy: () => import('./pages/cases/WorkQueuePage.tsx').then((m) => ({ Component: m.WorkQueuePage })),
  },
  {
    path: 'programs/:programId/roster',
    lazy: () => import('./pages/programs/RosterPage.tsx').then((m) => ({ Component: m.RosterPage })),
  },
  {
    path: 'programs/:programId/confidentiality-exceptions',
    lazy: () =>
      import('./pages/cases/ProgramExceptionsPage.tsx').then((m) => ({ Component: m.ProgramExceptionsPage })),
  },
  // The footer's pages: the privacy notice, the accessibility statement, how to reach us.
  {
    path: 'privacy',
    lazy: () => import('./pages/about/PrivacyPage.tsx').then((m) => ({ Component: m.PrivacyPage })),
  },
  {
    path: 'accessibility',
    lazy: () =>
      import('./pages/about/AccessibilityPage.tsx').then((m) => ({ Component: m.AccessibilityPage })),
  },
  {
    path: 'contact',
    lazy: () => import('./pages/about/ContactPage.tsx').then((m) => ({ Component: m.ContactPage })),
  },
  {
    path: '*',
    lazy: () => import('./pages/errors/NotFoundPage.tsx').then((m) => ({ Component: m.NotFoundPage })),
  },
];

export const router = createBrowserRouter([
  {
    path: '/',
    Component: Layout,
    ErrorBoundary: RouteError,
    children: [{ ErrorBoundary: RouteError, children: pages }],
  },
]);
