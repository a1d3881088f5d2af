import { useAbout } from '../../api/about.ts';
import { errorMessage } from '../../api/client.ts';

/** The contact address (CONTACT_EMAIL) as a mail link, for the footer pages' sentences. */
export function ContactAddress() {
  const about = useAbout();
  if (about.isError) return <span>{errorMessage(about.error)}</span>;
  if (!about.data) return <span>…</span>;
  return <a href={`mailto:${about.data.contactEmail}`}>{about.data.contactEmail}</a>;
}
