import { Link } from 'react-router';
import { Page } from '../../components/Page.tsx';
import { ContactAddress } from './ContactAddress.tsx';

// Each sentence here must stay true to what Parley does: the README's "Keys", "Data retention"
// and "A person's data" sections, the screening and preparation services (who may read the
// answers) and the rule packs' "what the court or agency may be told".
const WHO_SEES: { who: string; sees: string }[] = [
  {
    who: 'You',
    sees: 'Your request, your case page, your own private answers, the agreement and your promises.',
  },
  {
    who: 'The other side',
    sees: 'The case, the sessions, shared options and the agreement. Never your private answers.',
  },
  {
    who: 'Your mediator',
    sees: 'The case, your private answers, and their own notes, which no one else can read.',
  },
  {
    who: "The program's coordinator",
    sees: 'The request, who is on the case, the dates and the outcome. Your safety answers, to plan for your safety before a mediator is chosen. Not your preparation or the mediator’s notes.',
  },
  {
    who: 'The court or the state (DESE)',
    sees: 'Only what the rules allow: whether mediation happened, who came, and whether you reached an agreement. Where the rules say so, a copy of the signed agreement. Never what was said.',
  },
];

/** What Parley keeps about a person, who sees it, how long it is kept, and how to get it or delete it. */
export function PrivacyPage() {
  return (
    <Page
      title="Privacy notice"
      lead="What Parley keeps about you, who can see it, how long we keep it, and how to get a copy or delete it."
    >
      <section aria-labelledby="keep-title">
        <h2 id="keep-title">What we keep</h2>
        <ul>
          <li>
            <strong>Your account:</strong> your name, your e-mail address and your password. We never keep the
            password itself, only a scrambled form of it that cannot be turned back.
          </li>
          <li>
            <strong>Your sign-ins:</strong> when you signed in, and from which internet address and browser.
            We delete these 30 days after they end.
          </li>
          <li>
            <strong>Your cases:</strong> your request for mediation, the people on the case, the sessions, the
            Agreement to Mediate, the written agreement and the promises in it. When you sign, we keep the
            time, your internet address and your browser, to show later that it was you.
          </li>
          <li>
            <strong>Your private answers:</strong> your answers to the safety questions and the notes you
            write to get ready for mediation.
          </li>
          <li>
            <strong>Files you upload</strong> and <strong>the e-mails we send you</strong> (we delete e-mails
            90 days after we send them).
          </li>
          <li>
            <strong>If you are a mediator or a member of the association:</strong> your Find a Mediator
            listing, your training record, your membership, payments and event sign-ups.
          </li>
        </ul>
      </section>

      <section aria-labelledby="private-title">
        <h2 id="private-title">What stays private</h2>
        <p>
          What is said in mediation stays in mediation. It never goes into reports, searches, downloads for
          others, or our logs.
        </p>
        <p>
          The most private words — the mediator’s notes, your preparation notes and options kept private — are
          locked with a key that belongs to your case alone. Someone who stole our database would find only
          scrambled text.
        </p>
        <p>
          Every time someone reads a private record or changes anything, Parley writes it down in a record
          that cannot be changed without it showing.
        </p>
        <p>
          There are limits the law and your agreement to mediate set: a mediator whose profession makes them a
          mandated reporter (RSMo 210.115) must report a reason to think a child is being abused or neglected,
          any mediator may, and a mediator may warn someone of a threat of serious harm. If that happens, it
          is recorded on its own.
        </p>
      </section>

      <section aria-labelledby="who-title">
        <h2 id="who-title">Who sees what</h2>
        <dl className="rule-list">
          {WHO_SEES.map((row) => (
            <div key={row.who}>
              <dt>{row.who}</dt>
              <dd>{row.sees}</dd>
            </div>
          ))}
        </dl>
        <p>We do not sell what you tell us, and we do not show you ads.</p>
      </section>

      <section aria-labelledby="long-title">
        <h2 id="long-title">How long we keep it</h2>
        <p>
          After a case closes, we keep its records for some years, then delete them. Special-education cases
          and court cases are kept 5 years; community center cases 3 years. A program may follow its own
          records schedule, and may delete the most private words sooner.
        </p>
        <p>
          When a case is deleted, we keep only numbers for reports (such as how many cases reached an
          agreement), with no names, no exact dates and no words. If a court orders that a case be kept,
          nothing of it is deleted until the order ends.
        </p>
      </section>

      <section aria-labelledby="choices-title">
        <h2 id="choices-title">Get a copy, or delete your account</h2>
        <p>
          Sign in and go to <strong>My account</strong>, then{' '}
          <Link to="/account/data">
            <strong>Your data</strong>
          </Link>
          . There you can:
        </p>
        <ul>
          <li>
            <strong>Download your data:</strong> a file with everything Parley keeps about you and the files
            you uploaded. It holds nothing anyone else said in confidence.
          </li>
          <li>
            <strong>Delete your account:</strong> we first show you what goes and what stays, and why. A case
            still open must close first. Case records stay until the program’s time is up, but without your
            e-mail, phone or address. Documents you signed stay as signed.
          </li>
        </ul>
      </section>

      <section aria-labelledby="cookies-title">
        <h2 id="cookies-title">Cookies</h2>
        <p>
          Parley uses two small cookies: one keeps you signed in, the other protects your forms from being
          sent by another website. We use no cookies for tracking or ads.
        </p>
      </section>

      <section aria-labelledby="questions-title">
        <h2 id="questions-title">Questions</h2>
        <p>
          Write to us at <ContactAddress />. Please do not put what was said in mediation in an e-mail. See
          also the <Link to="/contact">contact page</Link>.
        </p>
      </section>
    </Page>
  );
}
