import { Link } from 'react-router';
import { Page } from '../../components/Page.tsx';

export function NotFoundPage() {
  return (
    <Page
      title="We cannot find that page"
      lead="The link may be old, or the address may have a typing mistake."
    >
      <ul className="link-list">
        <li>
          <Link to="/">Go to the home page</Link>
        </li>
        <li>
          <Link to="/programs">See the mediation programs</Link>
        </li>
      </ul>
    </Page>
  );
}
