/** What a piece of personal data is, so analysts can be shown a sensible mask of it. */
export type PiiKind = 'name' | 'email' | 'phone' | 'address' | 'text';

/** The personal-data fields of each event type, by field name in the event's data. */
export type PiiFieldRegistry = Readonly<Record<string, Readonly<Record<string, PiiKind>>>>;

/** What every read shows in place of personal data whose key was destroyed. */
export const ERASED_MARKER = '[erased]';
