import { lazy, Suspense } from 'react';
import { Link, useLocation } from 'react-router';
import { isCourtUser, isMediator, queueProgramOf, useSession } from '../../api/accounts.ts';
import { Alert } from '../../components/Alert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { OFFERS } from '../../nav.ts';

const Desk = lazy(() => import('./MediatorDesk.tsx').then((m) => ({ default: m.MediatorDesk })));
const MyWork = lazy(() => import('./MyWork.tsx').then((m) => ({ default: m.MyWork })));
const CourtCases = lazy(() => import('../court/CourtCasesPage.tsx').then((m) => ({ default: m.CourtCases })));
const WorkQueue = lazy(() => import('../cases/WorkQueuePage.tsx').then((m) => ({ default: m.WorkQueue })));

export function HomePage() {
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice;
  const session = useSession();
  const user = session.data?.user;
  const queueProgram = queueProgramOf(user);
  if (queueProgram)
    return (
      <Suspense fallback={<Loading what="Loading your work queue" />}>
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        <WorkQueue programId={queueProgram} />
      </Suspense>
    );

  if (isCourtUser(user))
    return (
      <Suspense fallback={<Loading what="Loading the referred cases" />}>
        <div className="page page-wide">
          <title>Referred cases — Parley</title>
          <h1>Referred cases</h1>
          {notice ? <Alert tone="success">{notice}</Alert> : null}
          <p className="lead">
            The cases your court referred to mediation: where each stands and what waits for the court.
          </p>
          <CourtCases />
        </div>
      </Suspense>
    );

  if (isMediator(user))
    return (
      <Suspense fallback={<Loading what="Loading your desk" />}>
        <div className="page page-wide">
          <title>Your desk — Parley</title>
          <h1>Your desk</h1>
          {notice ? <Alert tone="success">{notice}</Alert> : null}
          <p className="lead">What needs you now, across every case you mediate.</p>
          <Desk />
        </div>
      </Suspense>
    );
  if (user)
    return (
      <Suspense fallback={<Loading what="Loading your cases" />}>
        <div className="page">
          <title>Your cases — Parley</title>
          <h1>Your cases</h1>
          {notice ? <Alert tone="success">{notice}</Alert> : null}
          <p className="lead">Where each case stands, what happens next, and who does it.</p>
          <p>
            <Link className="button" to="/cases/new">
              Ask for mediation
            </Link>
          </p>
          <MyWork />
        </div>
      </Suspense>
    );

  return (
    <div className="home">
      <title>Parley — mediation in Missouri</title>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">Work it out together, with help</h1>
        <p className="lead">
          Mediation is a calm, private talk with a neutral helper called a mediator. The mediator helps you
          and the other side listen to each other and find an answer you can both live with.
        </p>
        <div className="hero-actions">
          <Link className="button" to="/sign-up">
            Create a free account
          </Link>
          <Link className="button button-secondary" to="/sign-in">
            Sign in
          </Link>
        </div>
      </section>

      <section aria-labelledby="what-title" className="band">
        <h2 id="what-title">What happens in mediation</h2>
        <ul className="steps">
          <li>
            <strong>You both come to the table.</strong> You can meet in a room or by video. You do not need
            to be friendly. You do need to be honest.
          </li>
          <li>
            <strong>The mediator keeps things fair.</strong> They help each person speak and be heard. They do
            not take sides. They do not decide for you.
          </li>
          <li>
            <strong>You choose the answer.</strong> If you agree, the mediator writes it down. You can ask a
            lawyer to read it before you sign. If you do not agree, you can still go to a hearing or to court.
          </li>
        </ul>
      </section>

      <section aria-labelledby="why-title" className="band">
        <h2 id="why-title">Why it often works</h2>
        <div className="cards">
          <div className="card">
            <h3>It is your plan</h3>
            <p>People keep promises they helped to make. The answer fits your family or your situation.</p>
          </div>
          <div className="card">
            <h3>It looks at what you need</h3>
            <p>
              A judge must follow general rules. In mediation you can talk about what matters most to you.
            </p>
          </div>
          <div className="card">
            <h3>It helps next time</h3>
            <p>You practice ways to solve problems. That helps with the next disagreement, too.</p>
          </div>
        </div>
      </section>

      <section aria-labelledby="private-title" className="band">
        <h2 id="private-title">What you say stays private</h2>
        <p>
          What is said in mediation is confidential: Missouri Supreme Court Rules 88.08 (family cases) and
          17.06 (other court cases), federal law for special education, and Section 435.014 of the Missouri
          statutes. For that protection, everyone signs a short written <strong>agreement to mediate</strong>{' '}
          before you begin. Parley makes that paper for you.
        </p>
        <p>
          There are limits. If there is reason to think a child is being abused or neglected, a mediator whose
          profession makes them a mandated reporter under Missouri law (RSMo 210.115) must report it, and any
          mediator may. If someone threatens serious harm, the mediator may warn the person in danger or the
          police: you agree to this in the agreement to mediate.
        </p>
      </section>

      <section aria-labelledby="iep-title" className="band band-highlight">
        <h2 id="iep-title">Special education disagreements with a school</h2>
        <p>
          If you and your child’s school disagree about an IEP, you can ask for mediation through the Missouri
          Department of Elementary and Secondary Education (DESE).
        </p>
        <ul className="checks">
          <li>
            <strong>It is free.</strong> The state pays the mediator.
          </li>
          <li>
            <strong>It is your choice.</strong> You and the school must both agree to take part.
          </li>
          <li>
            <strong>It is private.</strong> What is said cannot be used later at a due process hearing.
          </li>
          <li>
            <strong>You can bring support.</strong> An advocate or a friend may come with you. Lawyers do not
            attend these sessions.
          </li>
        </ul>
      </section>

      <section aria-labelledby="offers-title" className="band">
        <h2 id="offers-title">What you can do on Parley</h2>
        <div className="cards">
          {OFFERS.map((offer) => (
            <div className="card" key={offer.title}>
              <h3>{offer.title}</h3>
              <p>{offer.text}</p>
              {offer.to ? (
                <p>
                  <Link to={offer.to} className="card-link">
                    {offer.linkLabel ?? offer.title}
                  </Link>
                </p>
              ) : null}
            </div>
          ))}
        </div>
      </section>

      <section aria-labelledby="safety-title" className="band">
        <h2 id="safety-title">Is mediation right for you?</h2>
        <p>
          Mediation may not be safe if someone has hurt you or you are afraid they will. Before you meet, each
          person answers a few private questions. Only the mediator sees your answers. The mediator can plan
          separate rooms or other safety steps, or say that mediation is not a good fit.
        </p>
      </section>
    </div>
  );
}
