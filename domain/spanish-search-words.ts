/**
 * Find a Mediator's index holds the profiles' English words (bios, and the English names of the
 * kinds of case and of languages), so a Spanish-speaking visitor's common search words are read
 * as the English word the index knows: "custodia" finds what "custody" finds. Keys and values are
 * as normalizeText leaves them (lower case, no accents). A word not here is searched as typed,
 * so a name ("Paz", "Núñez") is never changed.
 */
export const SPANISH_TO_ENGLISH: Record<string, string> = {
  // Kinds of case.
  custodia: 'custody',
  divorcio: 'divorce',
  separacion: 'separation',
  familia: 'family',
  familiar: 'family',
  hijo: 'child',
  hijos: 'child',
  hija: 'child',
  hijas: 'child',
  nino: 'child',
  ninos: 'child',
  nina: 'child',
  ninas: 'child',
  crianza: 'parenting',
  manutencion: 'support',
  educacion: 'education',
  especial: 'special',
  escuela: 'school',
  escolar: 'school',
  reclamos: 'claims',
  reclamaciones: 'claims',
  inquilino: 'tenant',
  inquilinos: 'tenant',
  arrendatario: 'tenant',
  propietario: 'landlord',
  arrendador: 'landlord',
  casero: 'landlord',
  alquiler: 'landlord',
  trabajo: 'workplace',
  laboral: 'workplace',
  empleo: 'workplace',
  herencia: 'probate',
  testamento: 'probate',
  sucesion: 'probate',
  ancianos: 'elder',
  mayores: 'elder',
  comercial: 'commercial',
  negocios: 'commercial',
  comunidad: 'community',
  comunitario: 'community',
  vecino: 'neighbor',
  vecinos: 'neighbor',
  violencia: 'violence',
  domestica: 'domestic',
  // Languages.
  espanol: 'spanish',
  ingles: 'english',
  bilingue: 'bilingual',
  frances: 'french',
  aleman: 'german',
  arabe: 'arabic',
  chino: 'chinese',
  vietnamita: 'vietnamese',
  ruso: 'russian',
  coreano: 'korean',
  bosnio: 'bosnian',
  tagalo: 'tagalog',
  suajili: 'swahili',
  senas: 'sign',
  // Who and how.
  mediador: 'mediator',
  mediadora: 'mediator',
  mediacion: 'mediation',
  abogado: 'attorney',
  abogada: 'attorney',
  gratis: 'free',
  gratuito: 'free',
  gratuita: 'free',
  voluntario: 'volunteer',
};

/** Spanish words that say nothing to the index ("custodia en Springfield"), dropped when other words remain. */
const SPANISH_FUNCTION_WORDS = new Set([
  'de',
  'del',
  'el',
  'la',
  'los',
  'las',
  'en',
  'para',
  'con',
  'por',
  'una',
  'que',
]);

/** A searched word (as normalizeText leaves it) as the English word the index holds, or as it is. */
export const englishSearchWord = (word: string): string => SPANISH_TO_ENGLISH[word] ?? word;

/** The searched words without Spanish function words, unless nothing else was typed. */
export function withoutFunctionWords(words: readonly string[]): string[] {
  const kept = words.filter((w) => !SPANISH_FUNCTION_WORDS.has(w));
  return kept.length ? kept : [...words];
}
