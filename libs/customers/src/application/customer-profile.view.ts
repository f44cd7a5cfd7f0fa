import { maskEmail, maskName, maskPhone, maskText } from '@crm/security';
import type { Principal } from '@crm/platform';
import type { CustomerProfileDocument } from '../projections/customer-profile/customer-profile.document';
import { ERASED } from '../projections/customer-profile/customer-profile.document';

export type CustomerProfileView = Omit<
  CustomerProfileDocument,
  '_id' | '_position' | 'emailKey' | 'searchText'
> &
  Record<string, unknown>;

const maskUnlessErased = (value: string | null, mask: (text: string) => string): string | null =>
  value === null || value === ERASED ? value : mask(value);

/** The profile as the caller may see it: analysts get personal data masked. */
export const toProfileView = (
  document: CustomerProfileDocument,
  sections: Record<string, unknown>,
  principal: Principal,
): CustomerProfileView => {
  const { _id, _position, emailKey: _emailKey, searchText: _searchText, ...profile } = document;
  const visible =
    principal.role === 'analyst'
      ? {
          ...profile,
          name: maskUnlessErased(profile.name, maskName) ?? '',
          email: maskUnlessErased(profile.email, maskEmail) ?? '',
          phone: maskUnlessErased(profile.phone, maskPhone),
          address: maskUnlessErased(profile.address, maskText),
          notes: profile.notes.map((note) => ({
            ...note,
            text: maskUnlessErased(note.text, maskText) ?? '',
          })),
        }
      : profile;
  return { ...visible, ...sections };
};
