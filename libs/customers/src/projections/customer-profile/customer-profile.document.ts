/** The seed's customer table, one document per customer. */
export type CustomerProfileDocument = {
  _id: string;
  customerId: string;
  status: 'active' | 'forgotten' | 'merged';
  name: string;
  email: string;
  /** Lower-cased email for the duplicate check and exact look-ups. */
  emailKey: string;
  /** Lower-cased name and email for `q` search. */
  searchText: string;
  phone: string | null;
  address: string | null;
  tags: string[];
  notes: { noteId: string; text: string; at: string }[];
  noteCount: number;
  mergedInto: string | null;
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
