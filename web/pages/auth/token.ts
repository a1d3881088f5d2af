/** Links in e-mail carry their token after #, so it never reaches a server log or a Referer header. */
export function tokenFromHash(hash: string): string {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? '';
}
