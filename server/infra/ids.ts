import { uuidv7 } from 'uuidv7';

/** Ids are made by the application (UUIDv7: unique across servers, roughly time-ordered). */
export const newId = (): string => uuidv7();
