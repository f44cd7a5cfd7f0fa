import type { Address } from '../../domain/address';

/**
 * The seed's customer table, one document per customer. Personal data (name, email, phone,
 * address, note texts) is the ciphertext from the events, revealed only when served, so
 * forgetting a customer (destroying the key) erases it here too, and in every backup.
 */
export type CustomerProfileDocument = {
  _id: string;
  customerId: string;
  status: 'active' | 'forgotten' | 'merged';
  name: string;
  email: string;
  /** Blind index of the email, for the duplicate check; null once forgotten. */
  emailHash: string | null;
  /** Blind index of the phone number, for the duplicate report. */
  phoneHash: string | null;
  /** Blind indexes of the email and each name word, for `q` search. */
  searchHashes: string[];
  phone: string | null;
  /** Sealed: a protected string in storage, a structured address once revealed. */
  address: Address | string | null;
  tags: string[];
  notes: { noteId: string; text: string; at: string }[];
  noteCount: number;
  mergedInto: string | null;
  /** Customers merged into this one: their tickets, orders and value count here. */
  mergedFrom: string[];
  createdAt: string;
  updatedAt: string;
  _position?: number;
};

export const CUSTOMER_PROFILES = 'customer_profiles';
export const CUSTOMER_PROFILE_PROJECTION = 'customer-profile';

/** What read models show in place of personal data of a forgotten customer. */
export const ERASED = '[erased]';

/** Notes kept on the profile; older ones stay in the history. */
export const PROFILE_NOTES_KEPT = 50;
