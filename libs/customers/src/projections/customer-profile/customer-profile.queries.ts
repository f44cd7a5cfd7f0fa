import type { DocumentStore, Filter, Page } from '@crm/documents';
import type { CustomerProfileDocument } from './customer-profile.document';
import { CUSTOMER_PROFILES } from './customer-profile.document';

export type CustomerSearch = {
  /** Blind index of the search word (a whole name word or the whole email). */
  qHash?: string;
  tag?: string;
  status?: CustomerProfileDocument['status'];
  /** Restrict to these ids (e.g. the customers of an RFM segment). */
  ids?: readonly string[];
  limit: number;
  cursor?: string;
};

export const getCustomerProfile = (documents: DocumentStore, customerId: string) =>
  documents.get<CustomerProfileDocument>(CUSTOMER_PROFILES, customerId);

/** Newest customers first; `qHash` matches a whole name word or the email, case-insensitively. */
export const searchCustomerProfiles = (
  documents: DocumentStore,
  search: CustomerSearch,
): Promise<Page<CustomerProfileDocument>> => {
  const filter: Filter = {};
  if (search.status) filter.status = search.status;
  if (search.tag) filter.tags = search.tag;
  if (search.qHash) filter.searchHashes = search.qHash;
  if (search.ids) filter._id = { $in: [...search.ids] };
  return documents.find<CustomerProfileDocument>(CUSTOMER_PROFILES, filter, {
    sort: { createdAt: -1 },
    limit: search.limit,
    cursor: search.cursor,
  });
};

/** The live customer using this email, if any (the duplicate-email rule). */
export const findLiveCustomerByEmail = async (
  documents: DocumentStore,
  emailHash: string,
): Promise<CustomerProfileDocument | null> => {
  const page = await documents.find<CustomerProfileDocument>(
    CUSTOMER_PROFILES,
    { emailHash, status: 'active' },
    { limit: 1 },
  );
  return page.items[0] ?? null;
};

/** The customer and everyone merged into it: whose tickets and orders count as theirs. */
export const customerGroup = async (
  documents: DocumentStore,
  customerId: string,
): Promise<string[]> => {
  const profile = await getCustomerProfile(documents, customerId);
  return [customerId, ...(profile?.mergedFrom ?? [])];
};
