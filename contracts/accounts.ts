import { z } from 'zod';
import { LANGUAGES } from '../domain/languages.ts';
import { ROLES } from '../domain/roles.ts';
import { Id } from './id.ts';
import { patchOf } from './patch.ts';
import { defineRoute, NoContent } from './route.ts';

/** Accounts: sign-up, confirmation, sign-in with an optional second factor, passwords. */

const tags = ['accounts'];

export const Email = z
  .email('Enter an e-mail address like name@example.com')
  .max(254)
  .transform((v) => v.trim().toLowerCase());
export const Password = z
  .string('Enter a password')
  .min(10, 'Use at least 10 characters')
  .max(200, 'Use at most 200 characters');
export const PersonName = z
  .string('Enter your name')
  .trim()
  .min(1, 'Enter your name')
  .max(120, 'Use 120 characters or fewer');
export const Token = z.string().min(20).max(200);
/** The language of a person's pages, e-mails and documents: English or Spanish (US). */
export const LanguageField = z.enum(LANGUAGES, 'Choose English or Español');
export const TotpCode = z.string().regex(/^\d{6}$/, 'Enter the 6-digit code from your app');

export const Grant = z.object({ role: z.enum(ROLES), scope: z.string() });
export type Grant = z.infer<typeof Grant>;
export const Me = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  language: LanguageField,
  emailVerified: z.boolean(),
  hasMfa: z.boolean(),
  /** Unused recovery codes (0 without two-step sign-in). */
  recoveryCodesLeft: z.number(),
  mfaSetupRequired: z.boolean(),
  grants: z.array(Grant),
  programs: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })),
});
export type Me = z.infer<typeof Me>;
export const DemoSignIn = z.object({
  role: z.string(),
  name: z.string(),
  email: z.string(),
  password: z.string(),
});
export type DemoSignIn = z.infer<typeof DemoSignIn>;
export const SessionState = z.object({
  user: Me.nullable(),
  mfaPending: z.boolean(),
  demo: z.object({ signIns: z.array(DemoSignIn) }).nullable(),
});
export type SessionState = z.infer<typeof SessionState>;
/** A sentence for the person: what happened, or what to look for in their inbox. */
export const Accepted = z.object({ message: z.string() });
export type Accepted = z.infer<typeof Accepted>;

export const getSession = defineRoute({
  method: 'GET',
  path: '/api/v1/auth/session',
  summary: 'Who is signed in (and, in demo mode, the demo sign-ins)',
  tags,
  response: { 200: SessionState },
});

export const SignUpBody = z.object({
  name: PersonName,
  email: Email,
  password: Password,
  /** The language chosen on the page when signing up; English when not given. */
  language: LanguageField.optional(),
});
export type SignUpBody = z.infer<typeof SignUpBody>;
export const signUp = defineRoute({
  method: 'POST',
  path: '/api/v1/auth/sign-up',
  summary: 'Create an account; a confirmation link is e-mailed',
  tags,
  body: SignUpBody,
  response: { 202: Accepted },
});

export const TokenBody = z.object({ token: Token });
export type TokenBody = z.infer<typeof TokenBody>;
export const verifyEmail = defineRoute({
  method: 'POST',
  path: '/api/v1/auth/verify-email',
  summary: 'Confirm an e-mail address from the link',
  tags,
  body: TokenBody,
  response: { 200: Accepted },
});

export const EmailBody = z.object({ email: Email });
export type EmailBody = z.infer<typeof EmailBody>;
export const resendVerification = defineRoute({
  method: 'POST',
  path: '/api/v1/auth/resend-verification',
  summary: 'Send a new confirmation link',
  tags,
  body: EmailBody,
  response: { 202: Accepted },
});

export const SignInBody = z.object({
  email: Email,
  password: z
    .string('Enter your password')
    .min(1, 'Enter your password')
    .max(200, 'Use 200 characters or fewer'),
});
export type SignInBody = z.infer<typeof SignInBody>;
export const SignInResult = z.object({ mfaRequired: z.boolean(), user: Me.nullable() });
export type SignInResult = z.infer<typeof SignInResult>;
export const signIn = defineRoute({
  method: 'POST',
  path: '/api/v1/auth/sign-in',
  summary: 'Sign in with e-mail and password',
  tags,
  body: SignInBody,
  response: { 200: SignInResult },
});

export const MfaCodeBody = z.object({ code: TotpCode });
export type MfaCodeBody = z.infer<typeof MfaCodeBody>;
/** A 6-digit code from the app, or a recovery code (two groups of five letters and digits). */
export const SecondFactorCode = z
  .string('Enter the 6-digit code from your app, or a recovery code')
  .trim()
  .regex(
    /^(\d{6}|[A-Za-z0-9]{5}[\s-]?[A-Za-z0-9]{5})$/,
    'Enter the 6-digit code from your app, or a recovery code like abcde-12345',
  );
export const SecondStepBody = z.object({ code: SecondFactorCode });
export type SecondStepBody = z.infer<typeof SecondStepBody>;
export const completeMfa = defineRoute({
  method: 'POST',
  path: '/api/v1/auth/mfa',
  summary: 'Enter the second-factor code (or a recovery code) to finish signing in',
  tags,
  body: SecondStepBody,
  response: { 204: NoContent },
});

export const unlockAccount = defineRoute({
  method: 'POST',
  path: '/api/v1/auth/unlock',
  summary: 'Unlock an account from the e-mailed link',
  tags,
  body: TokenBody,
  response: { 200: Accepted },
});

export const signOut = defineRoute({
  method: 'POST',
  path: '/api/v1/auth/sign-out',
  summary: 'Sign out of this browser',
  tags,
  response: { 204: NoContent },
});

export const requestPasswordReset = defineRoute({
  method: 'POST',
  path: '/api/v1/auth/password-reset/request',
  summary: 'E-mail a single-use password reset link',
  tags,
  body: EmailBody,
  response: { 202: Accepted },
});

export const ResetPasswordBody = z.object({ token: Token, password: Password });
export type ResetPasswordBody = z.infer<typeof ResetPasswordBody>;
export const resetPassword = defineRoute({
  method: 'POST',
  path: '/api/v1/auth/password-reset',
  summary: 'Choose a new password with a reset link',
  tags,
  body: ResetPasswordBody,
  response: { 200: Accepted },
});

export const getAccount = defineRoute({
  method: 'GET',
  path: '/api/v1/account',
  summary: 'Your account',
  tags,
  response: { 200: Me },
});

export const AccountFields = z.object({ language: LanguageField });
export const UpdateAccountBody = patchOf(AccountFields);
export type UpdateAccountBody = z.infer<typeof UpdateAccountBody>;
export const updateAccount = defineRoute({
  method: 'PATCH',
  path: '/api/v1/account',
  summary: 'Change your account settings (your language)',
  tags,
  body: UpdateAccountBody,
  response: { 200: Me },
});

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: Password,
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;
export const changePassword = defineRoute({
  method: 'POST',
  path: '/api/v1/account/password',
  summary: 'Change your password',
  tags,
  body: ChangePasswordBody,
  response: { 200: Accepted },
});

export const MfaSetup = z.object({ secret: z.string(), otpauthUrl: z.string() });
export type MfaSetup = z.infer<typeof MfaSetup>;
export const startMfaSetup = defineRoute({
  method: 'POST',
  path: '/api/v1/account/mfa/setup',
  summary: 'Start two-step sign-in set-up',
  tags,
  response: { 200: MfaSetup },
});

/** Ten single-use codes, shown this once. */
export const RecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodes = z.infer<typeof RecoveryCodes>;
export const enableMfa = defineRoute({
  method: 'POST',
  path: '/api/v1/account/mfa/enable',
  summary: 'Turn on two-step sign-in with a code from your app; answers with recovery codes',
  tags,
  body: MfaCodeBody,
  response: { 200: RecoveryCodes },
});

export const PasswordBody = z.object({
  password: z
    .string('Enter your password')
    .min(1, 'Enter your password')
    .max(200, 'Use 200 characters or fewer'),
});
export type PasswordBody = z.infer<typeof PasswordBody>;
export const regenerateRecoveryCodes = defineRoute({
  method: 'POST',
  path: '/api/v1/account/mfa/recovery-codes',
  summary: 'Make new recovery codes (the old ones stop working)',
  tags,
  body: PasswordBody,
  response: { 200: RecoveryCodes },
});

export const SignedInDevice = z.object({
  id: z.string(),
  signedInAt: z.string(),
  lastSeenAt: z.string(),
  ip: z.string().nullable(),
  browser: z.string(),
  /** The device making this request. */
  current: z.boolean(),
});
export type SignedInDevice = z.infer<typeof SignedInDevice>;
export const SignedInDevices = z.object({ sessions: z.array(SignedInDevice) });
export type SignedInDevices = z.infer<typeof SignedInDevices>;
export const listSessions = defineRoute({
  method: 'GET',
  path: '/api/v1/account/sessions',
  summary: 'The devices signed in to your account',
  tags,
  response: { 200: SignedInDevices },
});

export const SessionParams = z.object({ sessionId: Id });
export const signOutSession = defineRoute({
  method: 'DELETE',
  path: '/api/v1/account/sessions/:sessionId',
  summary: 'Sign out one of your other devices',
  tags,
  params: SessionParams,
  response: { 204: NoContent },
});

export const signOutOtherSessions = defineRoute({
  method: 'POST',
  path: '/api/v1/account/sessions/sign-out-others',
  summary: 'Sign out everywhere else',
  tags,
  response: { 200: Accepted },
});

export const MfaDisableBody = z.object({ password: z.string().min(1).max(200), code: TotpCode });
export type MfaDisableBody = z.infer<typeof MfaDisableBody>;
export const disableMfa = defineRoute({
  method: 'POST',
  path: '/api/v1/account/mfa/disable',
  summary: 'Turn off two-step sign-in',
  tags,
  body: MfaDisableBody,
  response: { 204: NoContent },
});
