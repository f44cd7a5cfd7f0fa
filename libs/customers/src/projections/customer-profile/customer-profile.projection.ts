import type { RecordedEvent } from '@crm/eventsourcing';
import { documentProjection } from '@crm/eventsourcing';
import type { Projection } from '@crm/eventsourcing';
import type { CustomerEvent } from '../../domain/customer';
import { CUSTOMER_EVENT_TYPES } from '../../domain/customer';
import type { CustomerProfileDocument } from './customer-profile.document';
import {
  CUSTOMER_PROFILE_PROJECTION,
  CUSTOMER_PROFILES,
  ERASED,
  PROFILE_NOTES_KEPT,
} from './customer-profile.document';

/**
 * A blind index as the projector reads it: the keyed hash, revealed from its sealed form in the
 * event (see the security lib's `withRevealedIndexes`) or plain in events written before they
 * were sealed. Anything else (still sealed, or erased because the customer was forgotten)
 * indexes nothing.
 */
const indexOf = (value: unknown): string | null =>
  typeof value === 'string' && value !== '' && !/^(pii:|\[)/.test(value) ? value : null;

const indexesOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(indexOf).filter((hash): hash is string => hash !== null) : [];

/** Pure fold of one customer event into the profile. */
export const evolveCustomerProfile = (
  profile: CustomerProfileDocument | null,
  recorded: RecordedEvent,
): CustomerProfileDocument | null => {
  const event = recorded as unknown as CustomerEvent & { metadata: RecordedEvent['metadata'] };
  const at = recorded.metadata.occurredAt;
  if (event.type === 'CustomerCreated') {
    const { customerId, name, email, phone, address, tags } = event.data;
    const emailHash = indexOf(event.data.emailHash);
    return {
      _id: customerId,
      customerId,
      status: 'active',
      name,
      email,
      emailHash,
      phoneHash: indexOf(event.data.phoneHash),
      searchHashes: [...(emailHash ? [emailHash] : []), ...indexesOf(event.data.nameHashes)],
      phone,
      address,
      tags,
      notes: [],
      noteCount: 0,
      mergedInto: null,
      mergedFrom: [],
      createdAt: at,
      updatedAt: at,
    };
  }
  if (!profile) return null;
  const touched = { ...profile, updatedAt: at };
  switch (event.type) {
    case 'CustomerContactUpdated': {
      const { customerId: _id, emailHash, nameHashes, phoneHash, ...changes } = event.data;
      const emailHashNow = emailHash === undefined ? profile.emailHash : indexOf(emailHash);
      const nameHashesNow =
        nameHashes === undefined
          ? profile.searchHashes.filter((hash) => hash !== profile.emailHash)
          : indexesOf(nameHashes);
      return {
        ...touched,
        ...changes,
        emailHash: emailHashNow,
        phoneHash: phoneHash === undefined ? (profile.phoneHash ?? null) : indexOf(phoneHash),
        searchHashes: emailHashNow ? [emailHashNow, ...nameHashesNow] : nameHashesNow,
      };
    }
    case 'CustomerNoteAdded':
      return {
        ...touched,
        notes: [...profile.notes, { noteId: event.data.noteId, text: event.data.text, at }].slice(
          -PROFILE_NOTES_KEPT,
        ),
        noteCount: profile.noteCount + 1,
      };
    case 'CustomerTagged':
      return { ...touched, tags: [...profile.tags, event.data.tag] };
    case 'CustomerUntagged':
      return { ...touched, tags: profile.tags.filter((tag) => tag !== event.data.tag) };
    case 'CustomerForgotten':
      return {
        ...touched,
        status: 'forgotten',
        name: ERASED,
        email: ERASED,
        emailHash: null,
        phoneHash: null,
        searchHashes: [],
        phone: profile.phone === null ? null : ERASED,
        address: profile.address === null ? null : ERASED,
        notes: profile.notes.map((note) => ({ ...note, text: ERASED })),
      };
    // A merge changes who the customer counts as, not their data: updatedAt stays, so an
    // unmerge restores the profile exactly.
    case 'CustomerMerged':
      return { ...profile, status: 'merged', mergedInto: event.data.survivorId };
    case 'CustomerUnmerged':
      return { ...profile, status: 'active', mergedInto: null };
    default: {
      const unknownEvent: never = event;
      return unknownEvent;
    }
  }
};

const ownProfile = documentProjection<CustomerProfileDocument>({
  name: CUSTOMER_PROFILE_PROJECTION,
  collection: {
    name: CUSTOMER_PROFILES,
    indexes: [
      { field: 'emailHash' },
      { field: 'status' },
      { field: 'createdAt' },
      // `q` and `tag` search: any element matches, answered from the index.
      { field: 'searchHashes', array: true },
      { field: 'tags', array: true },
      // Newest first, by status or not; with the id, a search matching many customers walks
      // this order instead of sorting all its matches (see the embedded store's planFind).
      { fields: ['status', 'createdAt'] },
      { fields: ['createdAt'] },
    ],
  },
  handles: CUSTOMER_EVENT_TYPES,
  documentId: (event) => (typeof event.data.customerId === 'string' ? event.data.customerId : null),
  evolve: evolveCustomerProfile,
});

/** The survivor's side of a merge: which customers it absorbed. */
const evolveSurvivor = (
  survivor: CustomerProfileDocument,
  event: RecordedEvent,
): CustomerProfileDocument => {
  const absorbed = String(event.data.customerId);
  const others = survivor.mergedFrom.filter((id) => id !== absorbed);
  return {
    ...survivor,
    mergedFrom: event.type === 'CustomerMerged' ? [...others, absorbed] : others,
  };
};

/** The profile of each customer, and on a merge or unmerge, the survivor's list too. */
export const customerProfileProjection: Projection = {
  ...ownProfile,
  async apply(event, context) {
    await ownProfile.apply(event, context);
    if (event.type !== 'CustomerMerged' && event.type !== 'CustomerUnmerged') return;
    const survivorId = String(event.data.survivorId);
    const survivor = await context.get<CustomerProfileDocument>(CUSTOMER_PROFILES, survivorId);
    if (!survivor || (survivor._position ?? 0) >= event.position) return;
    context.put(CUSTOMER_PROFILES, {
      ...evolveSurvivor(survivor, event),
      _position: event.position,
    });
  },
};
