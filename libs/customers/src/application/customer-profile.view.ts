import type { CustomerProfileDocument } from '../projections/customer-profile/customer-profile.document';

export type CustomerProfileView = Omit<
  CustomerProfileDocument,
  '_id' | '_position' | 'emailHash' | 'searchHashes' | 'phoneHash'
> &
  Record<string, unknown>;

/**
 * The profile as served, with the other contexts' sections. Personal data is still sealed
 * here; the PII interceptor reveals it (or shows it erased) and masks it for analysts.
 */
export const toProfileView = (
  document: CustomerProfileDocument,
  sections: Record<string, unknown>,
): CustomerProfileView => {
  const {
    _id,
    _position,
    emailHash: _emailHash,
    searchHashes: _searchHashes,
    phoneHash: _phoneHash,
    ...profile
  } = document;
  return { ...profile, ...sections };
};
