/**
 * What a piece of personal data is, so analysts can be shown a sensible mask of it. `index`:
 * a blind index (keyed hash) of personal data, sealed in events like the data itself, and
 * revealed only for the projections that keep look-up documents (see `revealIndexes`).
 */
export type PiiKind = 'name' | 'email' | 'phone' | 'address' | 'text' | 'index';

/** The personal-data fields of each event type, by field name in the event's data. */
export type PiiFieldRegistry = Readonly<Record<string, Readonly<Record<string, PiiKind>>>>;

/** What every read shows in place of personal data whose key was destroyed. */
export const ERASED_MARKER = '[erased]';
