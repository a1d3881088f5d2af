/**
 * The pages and e-mails whose every word comes from the catalogs (i18n/<language>/*.json): a
 * whole file, or one e-mail of an area's e-mails file ("file#name"). literal-text.test.ts holds
 * each of them to it: a page or an e-mail added here can no longer carry English written into its
 * code. The README's "Languages" section says the same in words.
 */
export const CONVERTED_FILES: readonly string[] = [
  // The shell: header, navigation, footer and the language switch; the shared buttons and forms.
  'web/components/Layout.tsx',
  'web/components/Button.tsx',
  'web/components/SendForm.tsx',
  // The public home page (and the signed-in homes' headings).
  'web/pages/home/HomePage.tsx',
  // Sign-up and sign-in, and the fields they share with the account page.
  'web/pages/auth/SignUpPage.tsx',
  'web/pages/auth/SignInPage.tsx',
  'web/pages/auth/fields.tsx',
  // The account page's language setting.
  'web/pages/account/LanguageSetting.tsx',
  // A case's mediation pages: their frame, the sessions (finding a time, also from the e-mailed
  // link, and asking to move one).
  'web/pages/mediation/shared.tsx',
  'web/pages/mediation/SessionsPage.tsx',
  'web/pages/mediation/SessionExtras.tsx',
  'web/pages/mediation/PollsSection.tsx',
  'web/pages/mediation/PollLinkPage.tsx',
  'web/pages/mediation/MoveRequests.tsx',
  // What a party sees of their case: My cases (with the work list of the signed-in home), the
  // case page and the sections a party reads or answers.
  'web/pages/cases/CasesPage.tsx',
  'web/pages/home/MyWork.tsx',
  'web/pages/cases/CasePage.tsx',
  'web/pages/cases/sections/Steps.tsx',
  'web/pages/cases/sections/AgreementToMediate.tsx',
  'web/pages/cases/sections/People.tsx',
  'web/pages/cases/sections/Mediator.tsx',
  'web/pages/cases/sections/Disqualification.tsx',
  'web/pages/cases/sections/OptOut.tsx',
  'web/pages/cases/sections/DueProcess.tsx',
  'web/pages/cases/sections/Screening.tsx',
  // A party's workspace in a case: messages, documents, issues and the negotiation aids,
  // preparation, the outcome and the survey.
  'web/pages/mediation/MessagesPage.tsx',
  'web/pages/mediation/DocumentsPage.tsx',
  'web/pages/mediation/IssuesPage.tsx',
  'web/pages/mediation/NegotiationAid.tsx',
  'web/pages/mediation/AdjustedWinnerAid.tsx',
  'web/pages/mediation/BlindBiddingAid.tsx',
  'web/pages/mediation/aid-parts.tsx',
  'web/pages/mediation/PreparationPage.tsx',
  'web/pages/mediation/OutcomePage.tsx',
  'web/pages/mediation/SurveyPage.tsx',
  // The invitation a district's representative (or anyone invited) answers.
  'web/pages/invitations/InvitationPage.tsx',
  // Notifications, and how a person hears of them.
  'web/pages/notifications/NotificationsPage.tsx',
  'web/pages/notifications/NotificationSettingsPage.tsx',
  // The account page and its parts, and a person's data.
  'web/pages/account/AccountPage.tsx',
  'web/pages/account/ChangePassword.tsx',
  'web/pages/account/MobileNumber.tsx',
  'web/pages/account/MyDataPage.tsx',
  'web/pages/account/RecoveryCodes.tsx',
  'web/pages/account/SignedInDevices.tsx',
  'web/pages/account/TwoStepSignIn.tsx',
  // The pages of e-mailed links: confirming an address, unlocking an account, a new password.
  'web/pages/auth/VerifyEmailPage.tsx',
  'web/pages/auth/UnlockAccountPage.tsx',
  'web/pages/auth/TokenLinkPage.tsx',
  'web/pages/auth/ForgotPasswordPage.tsx',
  'web/pages/auth/ResetPasswordPage.tsx',
  // The request for mediation: the form in its parts, signing in on it, the letter and its preview.
  'web/pages/cases/RequestPage.tsx',
  'web/pages/cases/request/RequestForm.tsx',
  'web/pages/cases/request/AboutRequest.tsx',
  'web/pages/cases/request/questions.tsx',
  'web/pages/cases/request/send-request.ts',
  'web/pages/cases/request/DraftStatus.tsx',
  'web/pages/cases/RequestSignIn.tsx',
  'web/pages/cases/LetterPreview.tsx',
  'web/pages/cases/request-draft.ts',
  'domain/request-letter.ts',
  'server/modules/cases/request-letter.ts#requestLetterPdf',
  // What a visitor reads: Find a Mediator, a mediator's profile (asking them to mediate, writing
  // to them) and the court lists their training meets.
  'web/pages/directory/FindMediatorPage.tsx',
  'web/pages/directory/MediatorPage.tsx',
  'web/pages/directory/EligibilityList.tsx',
  // How to reach the people who run Parley.
  'web/pages/about/ContactPage.tsx',
  'web/pages/about/AccessibilityPage.tsx',
  'web/pages/about/Points.tsx',
  'web/pages/about/PrivacyPage.tsx',
  // The association's pages anyone may read: membership, trainings and events, becoming a
  // mediator, The Communicator (signing up, confirming, stopping) and the jobs board.
  'web/pages/association/public-parts.tsx',
  'web/pages/association/AssociationPage.tsx',
  'web/pages/association/TrainingsPage.tsx',
  'web/pages/association/TrainingPage.tsx',
  'web/pages/association/BecomeMediatorPage.tsx',
  'web/pages/association/NewsletterPage.tsx',
  'web/pages/association/NewsletterConfirmPage.tsx',
  'web/pages/association/UnsubscribePage.tsx',
  'web/pages/association/NewsletterLinkPage.tsx',
  'web/pages/association/JobsBoardPage.tsx',
  // The written agreement: reading, signing, and the mediator's drafting and sending.
  'web/pages/mediation/AgreementPage.tsx',
  'web/pages/mediation/AgreementDocument.tsx',
  'web/pages/mediation/AgreementDraft.tsx',
  'web/pages/mediation/SignAgreement.tsx',

  // The e-mails of a special-education parent's path, each in its reader's language.
  'server/modules/accounts/accounts.emails.ts#confirmEmail',
  'server/modules/cases/cases.emails.ts#caseEmailText',
  'server/modules/cases/cases.emails.ts#requestOpenedForYou',
  'server/modules/cases/cases.emails.ts#askedToMediate',
  'server/modules/cases/cases.emails.ts#requestReceived',
  'server/modules/invitations/invitations.emails.ts#invitation',
  'server/modules/agreements-to-mediate/atm.emails.ts#disclosureWritten',
  'server/modules/agreements/agreements.emails.ts#draftReady',
  'server/modules/agreements/agreements.emails.ts#signedByAll',
  // Accounts' e-mails (a reset link, a lock, a change to how one signs in), sessions' and polls'
  // e-mails, and the notifications' e-mails and titles.
  'server/modules/accounts/accounts.emails.ts',
  'server/modules/sessions/sessions.emails.ts',
  // What the sessions area answers a page: a session, a poll of proposed times and a request to
  // move a session as their reader sees them, in the page's language.
  'server/modules/sessions/sessions.view.ts',
  'server/modules/sessions/polls.view.ts',
  'server/modules/sessions/move-requests.view.ts',
  'server/modules/notifications/notifications.emails.ts',
  'server/modules/newsletter/newsletter.emails.ts#confirmSignUp',
  // Case notices to the parties, each in its reader's language: joining, declining, withdrawing,
  // people added, companions; the mediator chosen and disqualified; screening's decision; the
  // promises of a signed agreement; the outcome; and a message to a mediator from Find a Mediator.
  'server/modules/cases/cases.emails.ts#nextStepsText',
  'server/modules/cases/cases.emails.ts#screeningOpen',
  'server/modules/cases/cases.emails.ts#agreed',
  'server/modules/cases/cases.emails.ts#declined',
  'server/modules/cases/cases.emails.ts#optOutFiled',
  'server/modules/cases/cases.emails.ts#withdrawn',
  'server/modules/cases/cases.emails.ts#addedToCase',
  'server/modules/cases/cases.emails.ts#participantAdded',
  'server/modules/cases/cases.emails.ts#companionsAgreed',
  'server/modules/outcomes/outcomes.emails.ts',
  'server/modules/selection/selection.emails.ts#offerToMediator',
  'server/modules/selection/selection.emails.ts#mediatorAsked',
  'server/modules/selection/selection.emails.ts#noOverlap',
  'server/modules/selection/selection.emails.ts#mediatorAccepted',
  'server/modules/selection/selection.emails.ts#disqualificationRequested',
  'server/modules/selection/selection.emails.ts#disqualificationToMediator',
  'server/modules/selection/selection.emails.ts#disqualified',
  'server/modules/selection/selection.emails.ts#disqualificationDenied',
  'server/modules/selection/selection.emails.ts#disqualifiedForNoDenial',
  'server/modules/selection/selection.emails.ts#disqualificationEndedByMediation',
  'server/modules/selection/selection.emails.ts#disqualificationDecided',
  'server/modules/screening/screening.emails.ts#notSuitable',
  'server/modules/screening/screening.emails.ts#chooseMediator',
  'server/modules/compliance/compliance.emails.ts',
  'server/modules/directory/directory.emails.ts',
  // The limits a visitor or a party may meet, in the page's language: a person's daily count of
  // what e-mails others and their changes a minute, The Communicator's sign-ups, and texted codes.
  'server/modules/access/throttle.service.ts#consumePersonQuota',
  'server/modules/access/throttle.service.ts#consumeWrite',
  'server/modules/newsletter/sign-ups.service.ts#SIGN_UP_REFUSALS',
  'server/modules/sms/sms.service.ts#codesRefusal',
  // A person's data export names each kind of notification in their own language.
  'server/modules/notifications/notifications.service.ts#notificationsOf',
  // A signed-in person's checklist on the path to becoming a mediator: each step's detail line.
  'domain/mediator-path.ts',
  'server/modules/membership/progress.service.ts#myPath',
  // The negotiation aids' names for each side, and the suggestion an aid puts on an issue.
  'server/modules/negotiation/aid-state.ts#joinedNames',
  'server/modules/negotiation/aid-state.ts#sideNames',
  'server/modules/negotiation/suggestion.ts',
];
