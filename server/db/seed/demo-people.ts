/**
 * The demo's sign-ins, one per role. They exist only in demo and development databases, are
 * printed at start-up and offered on the sign-in page in those modes, and never in production.
 */
export const DEMO_PASSWORD = 'parley-demo-2026';

/** Who each demo sign-in is; every one signs in with DEMO_PASSWORD. */
const DEMO_PEOPLE = [
  { role: 'Program coordinator (DESE)', name: 'Dana Whitfield', email: 'coordinator@demo.parley.test' },
  { role: 'Program coordinator (family)', name: 'Marcus Bell', email: 'family.coordinator@demo.parley.test' },
  { role: 'Program coordinator (civil)', name: 'Rosa Delgado', email: 'civil.coordinator@demo.parley.test' },
  {
    role: 'Program coordinator (community)',
    name: 'Tom Okafor',
    email: 'community.coordinator@demo.parley.test',
  },
  { role: 'Mediator', name: 'Helen Park', email: 'mediator@demo.parley.test' },
  { role: 'Party (parent)', name: 'Jordan Reyes', email: 'parent@demo.parley.test' },
  { role: 'Party (school district)', name: 'Pat Lawson', email: 'district@demo.parley.test' },
  { role: 'Advocate', name: 'Sam Whitaker', email: 'advocate@demo.parley.test' },
  { role: 'Attorney', name: 'Alex Morgan', email: 'attorney@demo.parley.test' },
  { role: 'Association staff', name: 'Lee Harper', email: 'staff@demo.parley.test' },
  { role: 'Association member', name: 'Chris Nolan', email: 'member@demo.parley.test' },
  {
    role: 'Court clerk (16th Circuit, family)',
    name: 'Morgan Ellis',
    email: 'court.family@demo.parley.test',
  },
  { role: 'Court clerk (7th Circuit, civil)', name: 'Jamie Ortiz', email: 'court.civil@demo.parley.test' },
  { role: 'Platform administrator', name: 'Avery Quinn', email: 'admin@demo.parley.test' },
] as const;

export const DEMO_SIGN_INS = DEMO_PEOPLE.map((person) => ({ ...person, password: DEMO_PASSWORD }));
