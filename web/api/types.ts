/** Shapes the API returns, as described by /api/openapi.json. */

// Roles are the domain's own list: one definition for the server and the web app.
import type { Role } from '../../domain/roles.ts';

export type { Role };

export type Grant = { role: Role; scope: string };

export type Me = {
  id: string;
  email: string;
  name: string;
  emailVerified: boolean;
  hasMfa: boolean;
  mfaSetupRequired: boolean;
  grants: Grant[];
  programs: { id: string; name: string; kind: string }[];
};

export type DemoSignIn = { role: string; name: string; email: string; password: string };

export type Session = {
  user: Me | null;
  mfaPending: boolean;
  demo: { signIns: DemoSignIn[] } | null;
};

export type Program = {
  id: string;
  kind: string;
  slug: string;
  name: string;
  description: string;
  requireMfa: boolean;
};

export type SignInResult = { mfaRequired: boolean; user: Me | null };

export type Message = { message: string };

export type InvitationLookup = {
  email: string;
  name: string;
  role: Role;
  programName: string | null;
  hasAccount: boolean;
  expiresAt: string;
  /** 'case-party' for an invitation to a case; 'join' for a program or the association. */
  purpose: string;
  /** The invited person may say no from the link, without an account (a case invitation). */
  canDecline: boolean;
};

export type MailboxEmail = {
  id: string;
  to: string;
  template: string;
  subject: string;
  text: string;
  status: string;
  createdAt: string;
  sentAt: string | null;
  attachments: { filename: string; contentType: string }[];
};
