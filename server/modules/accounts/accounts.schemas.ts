import { z } from 'zod';
import { ROLES } from '../../../domain/roles.ts';

export const Email = z
  .email('Enter an e-mail address like name@example.com')
  .max(254)
  .transform((v) => v.trim().toLowerCase());
export const Password = z
  .string('Enter a password')
  .min(10, 'Use at least 10 characters')
  .max(200, 'Use at most 200 characters');
export const PersonName = z.string('Enter your name').trim().min(1, 'Enter your name').max(120);
export const Token = z.string().min(20).max(200);
export const TotpCode = z.string().regex(/^\d{6}$/, 'Enter the 6-digit code from your app');

export const SignUpBody = z.object({ name: PersonName, email: Email, password: Password });
export const SignInBody = z.object({
  email: Email,
  password: z.string('Enter your password').min(1).max(200),
});
export const TokenBody = z.object({ token: Token });
export const ResetRequestBody = z.object({ email: Email });
export const ResetPasswordBody = z.object({ token: Token, password: Password });
export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: Password,
});
export const MfaCodeBody = z.object({ code: TotpCode });
export const MfaDisableBody = z.object({ password: z.string().min(1).max(200), code: TotpCode });

export const Grant = z.object({ role: z.enum(ROLES), scope: z.string() });
export const Me = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  emailVerified: z.boolean(),
  hasMfa: z.boolean(),
  mfaSetupRequired: z.boolean(),
  grants: z.array(Grant),
  programs: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })),
});
export const SessionState = z.object({
  user: Me.nullable(),
  mfaPending: z.boolean(),
  demo: z
    .object({
      signIns: z.array(
        z.object({ role: z.string(), name: z.string(), email: z.string(), password: z.string() }),
      ),
    })
    .nullable(),
});
export const SignInResult = z.object({ mfaRequired: z.boolean(), user: Me.nullable() });
export const MfaSetup = z.object({ secret: z.string(), otpauthUrl: z.string() });
export const Accepted = z.object({ message: z.string() });
