import * as invitations from '../../contracts/invitations.ts';
import { useRead } from './query.ts';

/** Query keys of the invitations area. */
export const invitationKeys = {
  all: ['invitations'] as const,
  preview: (token: string) => [...invitationKeys.all, 'preview', token] as const,
};

/** What an e-mailed invitation link is for (asked only when the link carries a token). */
export function useInvitationPreview(token: string) {
  return useRead(
    invitationKeys.preview(token),
    invitations.previewInvitation,
    { body: { token } },
    { enabled: token !== '' },
  );
}
