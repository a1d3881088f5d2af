import { Page } from '../../components/Page.tsx';
import { ContactAddress } from './ContactAddress.tsx';

/** Parley's accessibility statement: the target, how it is checked, known limits, reporting a barrier. */
export function AccessibilityPage() {
  return (
    <Page
      title="Accessibility statement"
      lead="Everyone should be able to ask for mediation, take part and sign an agreement on Parley, whatever device or help they use."
    >
      <section aria-labelledby="goal-title">
        <h2 id="goal-title">Our goal</h2>
        <p>
          We aim to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA: the level the U.S.
          Department of Justice asks of state and local government websites (version 2.1), and the newer
          points version 2.2 adds.
        </p>
        <p>That means, for example:</p>
        <ul>
          <li>You can use every page with a keyboard alone. A “Skip to main content” link comes first.</li>
          <li>Every page works on a phone, and text can be made larger without losing anything.</li>
          <li>
            Screen readers hear the name of each page, each field and each message. When you move to a new
            page, they start at its heading.
          </li>
          <li>
            Text has strong contrast, and nothing moves or flashes if you have asked your device for less
            motion.
          </li>
          <li>Charts in reports come with a table of the same figures.</li>
          <li>Messages say what went wrong in plain words, next to the field to fix.</li>
        </ul>
      </section>

      <section aria-labelledby="check-title">
        <h2 id="check-title">How we check</h2>
        <p>
          Every change to Parley is tested in a real browser on a desktop screen and on a phone-sized screen.
          The tests walk through what parents, schools, mediators and coordinators do, and check each page
          with axe, an automatic accessibility checker. A change that makes it find a problem is not released.
        </p>
        <p>Automatic checks cannot find every problem. That is why we want to hear from you.</p>
      </section>

      <section aria-labelledby="limits-title">
        <h2 id="limits-title">What we know is not there yet</h2>
        <ul>
          <li>Parley is in English only for now. Spanish is planned.</li>
          <li>
            Some documents, such as an agreement as a PDF file, may be hard to read with a screen reader. The
            same agreement can be read as a web page on your case.
          </li>
        </ul>
      </section>

      <section aria-labelledby="report-title">
        <h2 id="report-title">Tell us about a barrier</h2>
        <p>
          If something on Parley is hard or impossible for you to use, write to <ContactAddress />. It helps
          if you tell us:
        </p>
        <ul>
          <li>the page (its address or its title),</li>
          <li>what you were trying to do,</li>
          <li>what happened, and</li>
          <li>the device, browser and any tools you use, such as a screen reader or magnifier.</li>
        </ul>
        <p>
          If a barrier stops you from meeting a deadline in your case, say so in your message. You can also
          ask your mediator or your program’s coordinator for another way to take part, such as by phone or on
          paper.
        </p>
      </section>
    </Page>
  );
}
