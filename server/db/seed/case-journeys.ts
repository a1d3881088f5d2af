import { missouriDate } from '../../../domain/missouri-time.ts';
import { unconcernedFor } from '../../../domain/screening.ts';
import { DAY, HOUR } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { type Actor, loadGrants } from '../../modules/access/access.service.ts';
import * as agreements from '../../modules/agreements/agreements.service.ts';
import { signAgreement } from '../../modules/agreements/signing.service.ts';
import * as atm from '../../modules/agreements-to-mediate/atm.service.ts';
import { createCase } from '../../modules/cases/intake.service.ts';
import { getCompliance } from '../../modules/compliance/milestones.service.ts';
import { markDone } from '../../modules/compliance/progress.service.ts';
import { acceptInvitation } from '../../modules/invitations/answers.service.ts';
import * as issues from '../../modules/issues/issues.service.ts';
import { savePreparation } from '../../modules/preparation/preparation.service.ts';
import { decideScreening, submitScreening } from '../../modules/screening/screening.service.ts';
import { pickMediators, respondToOffer } from '../../modules/selection/selection.service.ts';
import { markHeld, scheduleSession } from '../../modules/sessions/sessions.service.ts';
import type { DemoWorld } from './demo.ts';

/**
 * Demo cases a visitor can explore when signing in as the demo people (the parent Jordan Reyes,
 * the district's Pat Lawson, the mediator Helen Park, the DESE coordinator): one ready to
 * schedule, one in mediation with a session set and issues on the board, and one with a signed
 * partial agreement whose promises are tracked (one kept, one still to come). Every step goes
 * through the same services the API uses, so the audit trail, the e-mails, the encryption and
 * the milestones are real. The third case is played out over the previous weeks on a clock set
 * back in time, as it would have happened.
 */
const DISTRICT = 'Riverside R-IV School District';
const META = { ip: '127.0.0.1', userAgent: 'Parley demo data' };
const PLACE = {
  kind: 'in_person' as const,
  address: '205 Jefferson St, Jefferson City MO 65101',
  room: 'Room 4B',
  accessibility: 'Step-free entrance on Jefferson St',
};

async function actorFor(deps: Deps, userId: string): Promise<Actor> {
  const user = await deps.db
    .selectFrom('users')
    .select(['id', 'email', 'name'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    grants: await loadGrants(deps.db, user.id),
    mfaSetupRequired: false,
    hasMfa: false,
    ip: META.ip,
    userAgent: META.userAgent,
    sessionId: null,
  };
}

/** The link in the newest invitation to an address, as the person would click it. */
async function invitationToken(deps: Deps, email: string) {
  const mail = await deps.db
    .selectFrom('outbox_emails')
    .select('text_body')
    .where('to_address', '=', email)
    .where('template', '=', 'invitation-case-party')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  return /#token=([A-Za-z0-9_-]+)/.exec(mail.text_body)![1]!;
}

/** A clock that runs from `daysAgo` days before now, moved along as the story goes. */
function storyClock(deps: Deps, daysAgo: number) {
  let at = deps.clock.now().getTime() - daysAgo * DAY;
  const story: Deps = { ...deps, clock: { now: () => new Date(at) } };
  return { deps: story, advance: (ms: number) => (at += ms) };
}

type People = { parent: Actor; district: Actor; mediator: Actor; coordinator: Actor };

/** A special-education case from the parent's request to "ready to schedule". */
async function readyCase(
  deps: Deps,
  world: DemoWorld,
  p: People,
  story: { student: string; description: string; categories: string[] },
  step: () => void = () => {},
) {
  const { id } = await createCase(deps, p.parent, {
    form: 'special_education',
    programId: world.programs.specialEducation.id,
    respondent: { name: p.district.name, email: p.district.email, organization: DISTRICT },
    description: story.description,
    student: { name: story.student, school: 'Riverside Elementary', grade: '4' },
    district: { name: DISTRICT },
    categories: story.categories,
    requestStateMediation: true,
  });
  step();
  await acceptInvitation(deps, p.district, { token: await invitationToken(deps, p.district.email) }, META);
  step();
  await submitScreening(deps, p.parent, id, {
    answers: unconcernedFor('special_education', 'requester'),
    note: '',
  });
  await submitScreening(deps, p.district, id, {
    answers: unconcernedFor('special_education', 'respondent'),
    note: '',
  });
  step();
  await decideScreening(deps, p.coordinator, id, { decision: 'proceed', safeguards: [] });
  await pickMediators(deps, p.parent, id, { mediatorIds: [p.mediator.userId] });
  await pickMediators(deps, p.district, id, { mediatorIds: [p.mediator.userId] });
  step();
  await respondToOffer(deps, p.mediator, id, { accept: true, conflict: 'none' });
  const doc = await atm.getAgreementToMediate(deps, p.parent, id);
  for (const who of [p.parent, p.district]) {
    await atm.signAgreementToMediate(
      deps,
      who,
      id,
      { documentSha256: doc.sha256, intent: true, consentToElectronic: true, typedName: who.name },
      META,
    );
  }
  step();
  return id;
}

export async function seedCaseJourneysDemo(deps: Deps, world: DemoWorld): Promise<void> {
  const people = world.people;
  const p: People = {
    parent: await actorFor(deps, people.parent!.id),
    district: await actorFor(deps, people.district!.id),
    mediator: await actorFor(deps, people.mediator!.id),
    coordinator: await actorFor(deps, people.coordinator!.id),
  };

  // 1. Six weeks ago: a case that ended with a signed partial agreement and two promises.
  const past = storyClock(deps, 42);
  const day = () => past.advance(DAY);
  const settled = await readyCase(
    past.deps,
    world,
    p,
    {
      student: 'Noah Reyes',
      description: 'Noah’s reading help was cut from his IEP without a meeting, and his placement changed.',
      categories: ['provision_of_services', 'educational_placement'],
    },
    day,
  );
  const sessionStart = new Date(past.deps.clock.now().getTime() + 2 * DAY);
  const session = await scheduleSession(past.deps, p.mediator, settled, {
    kind: 'joint',
    date: missouriDate(sessionStart),
    time: '10:00',
    minutes: 120,
    place: PLACE,
    guests: [],
  });
  past.advance(3 * DAY);
  await markHeld(
    past.deps,
    p.mediator,
    settled,
    session.id,
    session.attendees.map((a) => a.id),
  );
  const [services, placement] = [
    await issues.addIssue(past.deps, p.mediator, settled, { templateId: 'provision_of_services' }),
    await issues.addIssue(past.deps, p.mediator, settled, { templateId: 'educational_placement' }),
  ];
  await issues.updateIssue(past.deps, p.mediator, settled, services.id, { status: 'agreed' });
  await issues.updateIssue(past.deps, p.mediator, settled, placement.id, { status: 'not_agreed' });
  const readingStarts = missouriDate(new Date(past.deps.clock.now().getTime() + 10 * DAY));
  const draft = await agreements.draftAgreement(past.deps, p.mediator, settled, {
    terms: [
      {
        issueId: services.id,
        text: 'Noah receives reading intervention with a reading specialist four times a week, 30 minutes each time.',
        responsible: DISTRICT,
      },
    ],
    milestones: [
      {
        what: 'Reading intervention begins',
        responsible: DISTRICT,
        due: { kind: 'date', date: readingStarts },
        evidence: 'The service log, sent to the parent',
      },
      {
        what: 'The IEP team meets to review Noah’s progress',
        responsible: DISTRICT,
        due: { kind: 'days_after_signing', days: 90 },
        evidence: 'The meeting notice and the updated IEP',
      },
    ],
    settledIssueIds: [services.id],
    changeNote: '',
  });
  await agreements.sendAgreement(past.deps, p.mediator, settled, { version: draft.version });
  past.advance(HOUR);
  for (const who of [p.parent, p.district]) {
    await signAgreement(
      past.deps,
      who,
      settled,
      {
        documentSha256: draft.sha256,
        intent: true,
        consentToElectronic: true,
        typedName: who.name,
        attestAuthority: who === p.district,
        agreesBinding: true,
      },
      META,
    );
  }
  past.advance(12 * DAY);
  const promises = await getCompliance(past.deps, p.district, settled);
  const begins = promises.milestones.find((m) => m.what === 'Reading intervention begins');
  if (begins) {
    await markDone(past.deps, p.district, settled, begins.id, {
      doneOn: readingStarts,
      note: 'Ms. Alvarez started with Noah on Monday; the first week’s service log is sent home.',
      files: [],
    });
  }

  // 2. This week: a case in mediation, with a joint session set and issues on the board.
  const inMediation = await readyCase(deps, world, p, {
    student: 'Maya Reyes',
    description: 'The school stopped Maya’s speech therapy without an IEP meeting.',
    categories: ['evaluation', 'provision_of_services'],
  });
  for (const who of [p.parent, p.district]) {
    await savePreparation(deps, who, inMediation, {
      perspective: who === p.parent ? 'Maya’s therapy stopped in January.' : 'Our therapist left mid-year.',
      goals: who === p.parent ? 'Therapy back, and a new evaluation.' : 'A plan the school can keep.',
      concerns: '',
      solutions: '',
    });
  }
  await scheduleSession(deps, p.mediator, inMediation, {
    kind: 'joint',
    date: missouriDate(new Date(deps.clock.now().getTime() + 3 * DAY)),
    time: '14:00',
    minutes: 90,
    place: PLACE,
    guests: [],
  });
  const evaluation = await issues.addIssue(deps, p.mediator, inMediation, { templateId: 'evaluation' });
  await issues.addIssue(deps, p.mediator, inMediation, { templateId: 'provision_of_services' });
  await issues.proposeOption(deps, p.parent, inMediation, evaluation.id, {
    text: 'An outside speech and language evaluation, chosen together',
    visibility: 'shared',
  });

  // 3. Today: a case everyone has signed up for, ready for the mediator to set the first session.
  await readyCase(deps, world, p, {
    student: 'Sofia Reyes',
    description: 'Sofia was not evaluated for dyslexia after we asked in writing in September.',
    categories: ['identification', 'evaluation'],
  });
}
