import { Link } from 'react-router';
import { Page } from '../../components/Page.tsx';
import { ContactAddress } from './ContactAddress.tsx';

/** How to reach the people who run Parley, and where questions about a case go instead. */
export function ContactPage() {
  return (
    <Page title="Contact us" lead="We read every message. Here is how to reach us, and who can help fastest.">
      <section aria-labelledby="write-title" className="panel">
        <h2 id="write-title">Write to us</h2>
        <p className="contact-address">
          E-mail: <ContactAddress />
        </p>
        <p>
          Write to us about your account, a problem with a page, your privacy, or something on Parley that is
          hard for you to use.
        </p>
        <p>
          Please do not put what was said in mediation, or private details about a child, in an e-mail. E-mail
          is not as safe as Parley.
        </p>
      </section>

      <section aria-labelledby="case-title">
        <h2 id="case-title">About your case</h2>
        <p>
          Your mediator and your program’s coordinator know your case best: ask them first. Your cases are
          under <Link to="/cases">My cases</Link>. To ask for mediation, fill in the{' '}
          <Link to="/cases/new">request form</Link>.
        </p>
        <p>We cannot give legal advice. A mediator does not give legal advice either, or decide for you.</p>
      </section>

      <section aria-labelledby="danger-title">
        <h2 id="danger-title">If you are in danger</h2>
        <p>
          Call <strong>911</strong> right now. For help with abuse at home, the National Domestic Violence
          Hotline answers day and night at <a href="tel:+18007997233">1-800-799-7233</a>.
        </p>
      </section>
    </Page>
  );
}
