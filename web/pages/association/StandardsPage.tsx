import { Link } from 'react-router';
import { Page } from '../../components/Page.tsx';

// The Model Standards of Conduct for Mediators (2005), adopted by the American Arbitration
// Association, the American Bar Association's Section of Dispute Resolution and the Association
// for Conflict Resolution, under their nine headings, in Parley's own plain words. In the
// Standards "shall" is a must and "should" is strongly expected.
const STANDARDS: { n: string; title: string; points: string[] }[] = [
  {
    n: 'I',
    title: 'Self-Determination',
    points: [
      'The people in the mediation make their own choices. They decide whether to settle and on what terms.',
      'A mediator does not push anyone to agree. A mediator may help people think through their choices and suggest they get advice from others, like a lawyer.',
    ],
  },
  {
    n: 'II',
    title: 'Impartiality',
    points: [
      'A mediator stays fair to everyone and does not take sides.',
      'If a mediator cannot stay fair, they must step away from the case.',
      'A mediator does not accept gifts or favors that could make them seem to favor one side.',
    ],
  },
  {
    n: 'III',
    title: 'Conflicts of Interest',
    points: [
      'Before starting, a mediator checks for anything that could get in the way of being fair, like knowing one side or having money at stake.',
      'A mediator tells everyone about any such conflict as soon as they learn of it. People can then choose to go ahead or pick someone else.',
      'Some conflicts are so serious that the mediator must not take the case, even if everyone agrees.',
    ],
  },
  {
    n: 'IV',
    title: 'Competence',
    points: [
      'A mediator only takes cases they have the skills and training to handle.',
      'A mediator keeps learning through training and continuing education.',
      'If a mediator cannot do the job well (for example, because they are unwell), they must stop.',
    ],
  },
  {
    n: 'V',
    title: 'Confidentiality',
    points: [
      'A mediator keeps private what people say in mediation, unless everyone agrees or the law requires otherwise.',
      'What one side tells the mediator alone stays private unless that side says it may be shared.',
      'A mediator explains the privacy rules at the start so everyone knows what to expect.',
    ],
  },
  {
    n: 'VI',
    title: 'Quality of the Process',
    points: [
      'A mediator runs a safe, fair and honest process, with enough time for everyone to take part.',
      'A mediator is on time, prepared and respectful, and lets every person speak.',
      'A mediator watches for abuse, violence or a big imbalance of power, and takes steps to keep the process safe, including stopping it.',
      'A mediator does not give legal or other professional advice while mediating, and does not mix mediation with other roles without everyone agreeing.',
    ],
  },
  {
    n: 'VII',
    title: 'Advertising and Solicitation',
    points: [
      'A mediator tells the truth about their training, experience and fees.',
      'A mediator does not claim to be "certified" unless a real program certified them. Missouri does not certify mediators.',
      'A mediator does not promise results, and does not use the names of people they have helped without permission.',
    ],
  },
  {
    n: 'VIII',
    title: 'Fees and Other Charges',
    points: [
      'A mediator explains their fees clearly before the mediation begins, preferably in writing.',
      'Fees are fair for the work and the kind of case.',
      'A mediator never ties the fee to whether people settle or to how much money changes hands.',
    ],
  },
  {
    n: 'IX',
    title: 'Advancement of Mediation Practice',
    points: [
      'A mediator helps make mediation better and easier to reach for everyone, including people who cannot pay.',
      'A mediator treats other mediators and professionals with respect and helps newer mediators learn.',
      'A mediator supports a field that welcomes people of every background.',
    ],
  },
];

/** /standards-of-conduct: every mediator profile links here. */
export function StandardsPage() {
  return (
    <Page
      title="Standards of Conduct for Mediators"
      lead="Members of the Association of Missouri Mediators follow the Model Standards of Conduct for Mediators (2005). Here they are in plain words."
    >
      <p>
        In the Standards, "shall" means a mediator must. "Should" means a mediator is strongly expected to. If
        you think a mediator did not follow these standards, you can tell the program that sent you to them or
        the association.
      </p>
      {STANDARDS.map((s) => (
        <section key={s.n} className="panel" aria-labelledby={`standard-${s.n}`}>
          <h2 id={`standard-${s.n}`}>
            {s.n}. {s.title}
          </h2>
          <ul>
            {s.points.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </section>
      ))}
      <p className="muted">
        This is a plain-language summary written for Parley. The Model Standards were adopted in 2005 by the
        American Arbitration Association, the American Bar Association's Section of Dispute Resolution and the
        Association for Conflict Resolution. <Link to="/association">Join the association</Link>.
      </p>
    </Page>
  );
}
