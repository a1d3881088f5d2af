/** The mediator's private notes are written at a caucus, about a session, or in general. */
export const NOTE_KINDS = ['caucus', 'session', 'general'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];
