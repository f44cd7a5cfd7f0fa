import type { DocumentStore, Filter, Page } from '@crm/documents';
import type { CustomerProfileDocument } from './customer-profile.document';
import { CUSTOMER_PROFILES } from './customer-profile.document';

export type CustomerSearch = {
  q?: string;
  tag?: string;
  status?: CustomerProfileDocument['status'];
  /** Restrict to these ids (e.g. the customers of an RFM segment). */
  ids?: readonly string[];
  limit: number;
  cursor?: string;
};

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const getCustomerProfile = (documents: DocumentStore, customerId: string) =>
  documents.get<CustomerProfileDocument>(CUSTOMER_PROFILES, customerId);

/** Newest customers first; `q` matches name or email, case-insensitively. */
export const searchCustomerProfiles = (
  documents: DocumentStore,
  search: CustomerSearch,
): Promise<Page<CustomerProfileDocument>> => {
  const filter: Filter = {};
  if (search.status) filter.status = search.status;
  if (search.tag) filter.tags = search.tag;
  if (search.q) filter.searchText = { $regex: escapeRegex(search.q.toLowerCase()) };
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
  email: string,
): Promise<CustomerProfileDocument | null> => {
  const page = await documents.find<CustomerProfileDocument>(
    CUSTOMER_PROFILES,
    { emailKey: email.toLowerCase(), status: 'active' },
    { limit: 1 },
  );
  return page.items[0] ?? null;
};
