/** A profile's fields, shared by the tests that keep a mediator's profile. */
export const base = {
  displayName: 'Ana Ruiz',
  practiceName: 'Ruiz Family Mediation',
  bio: 'Licensed clinical social worker. I help parents make parenting plans.',
  areas: ['family', 'child_custody'],
  languages: ['en', 'es'],
  counties: ['29077', '29043'],
  slidingScale: true,
};
