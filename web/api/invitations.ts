import { useQuery } from '@tanstack/react-query';
import * as invitations from '../../contracts/invitations.ts';
import { call } from './client.ts';

/** Query keys of the invitations area. */
export const invitationKeys = {
  all: ['invitations'] as const,
  preview: (token: string) => [...invitationKeys.all, 'preview', token] as const,
};

/** What an e-mailed invitation link is for (asked only when the link carries a token). */
export function useInvitationPreview(token: string) {
  return useQuery({
    queryKey: invitationKeys.preview(token),
    queryFn: () => call(invitations.previewInvitation, { body: { token } }),
    enabled: token !== '',
  });
}
