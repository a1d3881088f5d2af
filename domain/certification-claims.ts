/**
 * Missouri neither licenses nor certifies mediators, and the Model Standards of Conduct for
 * Mediators (2005), Standard VII (Advertising and Solicitation), forbid claiming a certification
 * that does not exist. Profiles that call their mediator "certified" in that sense are refused;
 * real credentials (a license, a CPA, a "certified public accountant") are not claims about
 * mediation and pass.
 */

// Words that join two credentials: "certified public accountant and mediator" names two things.
const JOINER = String.raw`(?!and\b|or\b|plus\b)`;
const PATTERNS: RegExp[] = [
  // "certified mediator", "certified family mediator", "board certified civil mediator",
  // "certified in mediation", "certified as a mediator"
  new RegExp(String.raw`\bcertified\s+(?:${JOINER}[a-z-]+\s+){0,3}(?:mediators?|mediation|neutrals?)\b`, 'i'),
  // "mediator certified by ...", "mediator certification", "certification as a mediator"
  /\bmediat(?:or|ion)\s+certifi(?:ed|cation)\b/i,
  /\bcertification\s+(?:as|in)\s+(?:an?\s+)?(?:[a-z-]+\s+){0,2}mediat/i,
  /\bcertified\s+to\s+mediate\b/i,
  // "certified by the state", "certified by the Missouri Supreme Court", "certified by DESE"
  /\bcertified\s+by\s+(?:the\s+)?(?:state|missouri|supreme\s+court|courts?|circuit|dese|missouri\s+bar)\b/i,
  // "Missouri-certified", "Missouri certified"
  /\bmissouri[\s-]+certified\b/i,
  /\b(?:state|court)[\s-]certified\s+(?:[a-z-]+\s+){0,2}mediat/i,
];

export type CertificationClaim = { field: string; phrase: string };

/** The first claim of a mediator certification in the text, or null. */
export function findCertificationClaim(text: string): string | null {
  const flat = text.replace(/\s+/g, ' ');
  for (const pattern of PATTERNS) {
    const match = pattern.exec(flat);
    if (match) return match[0];
  }
  return null;
}

/** Checks every named text field; returns the first claim found with its field. */
export function findCertificationClaimIn(
  fields: Record<string, string | null | undefined>,
): CertificationClaim | null {
  for (const [field, value] of Object.entries(fields)) {
    const phrase = value ? findCertificationClaim(value) : null;
    if (phrase) return { field, phrase };
  }
  return null;
}

/**
 * Why the words were refused, for the public text of `where` ("a profile", "a training", "an
 * event", "a membership tier"): every text the public reads is held to the same rule.
 */
export const certificationClaimMessage = (where: string) =>
  `Missouri does not certify mediators, so ${where} cannot say that a mediator or a mediation is certified. ` +
  'The Model Standards of Conduct for Mediators (Standard VII, Advertising and Solicitation) forbid claiming a certification that does not exist. ' +
  'Describe the training instead, for example “completed 40 hours of family mediation training”. ' +
  'Real credentials, such as a license or being a certified public accountant, are fine.';

export const CERTIFICATION_CLAIM_MESSAGE = certificationClaimMessage('a profile');
