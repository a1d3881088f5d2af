/**
 * The demo's sign-ins, one per role. They exist only in demo and development databases, are
 * printed at start-up and offered on the sign-in page in those modes, and never in production.
 */
export const DEMO_PASSWORD = 'parley-demo-2026';

export const DEMO_SIGN_INS = [
  {
    role: 'Program coordinator (DESE)',
    name: 'Dana Whitfield',
    email: 'coordinator@demo.parley.test',
    password: DEMO_PASSWORD,
  },
  {
    role: 'Program coordinator (family)',
    name: 'Marcus Bell',
    email: 'family.coordinator@demo.parley.test',
    password: DEMO_PASSWORD,
  },
  {
    role: 'Program coordinator (civil)',
    name: 'Rosa Delgado',
    email: 'civil.coordinator@demo.parley.test',
    password: DEMO_PASSWORD,
  },
  {
    role: 'Program coordinator (community)',
    name: 'Tom Okafor',
    email: 'community.coordinator@demo.parley.test',
    password: DEMO_PASSWORD,
  },
  { role: 'Mediator', name: 'Helen Park', email: 'mediator@demo.parley.test', password: DEMO_PASSWORD },
  { role: 'Party (parent)', name: 'Jordan Reyes', email: 'parent@demo.parley.test', password: DEMO_PASSWORD },
  {
    role: 'Party (school district)',
    name: 'Pat Lawson',
    email: 'district@demo.parley.test',
    password: DEMO_PASSWORD,
  },
  { role: 'Advocate', name: 'Sam Whitaker', email: 'advocate@demo.parley.test', password: DEMO_PASSWORD },
  { role: 'Attorney', name: 'Alex Morgan', email: 'attorney@demo.parley.test', password: DEMO_PASSWORD },
  { role: 'Association staff', name: 'Lee Harper', email: 'staff@demo.parley.test', password: DEMO_PASSWORD },
  {
    role: 'Association member',
    name: 'Chris Nolan',
    email: 'member@demo.parley.test',
    password: DEMO_PASSWORD,
  },
  {
    role: 'Court clerk (16th Circuit, family)',
    name: 'Morgan Ellis',
    email: 'court.family@demo.parley.test',
    password: DEMO_PASSWORD,
  },
  {
    role: 'Court clerk (7th Circuit, civil)',
    name: 'Jamie Ortiz',
    email: 'court.civil@demo.parley.test',
    password: DEMO_PASSWORD,
  },
  {
    role: 'Platform administrator',
    name: 'Avery Quinn',
    email: 'admin@demo.parley.test',
    password: DEMO_PASSWORD,
  },
] as const;
