import type { DocumentStore } from '@crm/documents';

/**
 * A part of the customer profile owned by another context (service counts, value, segment).
 * The profile query loads every section for the customers it returns and merges them in.
 */
export type CustomerProfileSection = {
  /** Key under which the section appears on the profile, e.g. `service`. */
  name: string;
  /** Projections the section reads, for read-your-writes waits. */
  projections: readonly string[];
  /** Section values by customer id; customers without data get `empty`. */
  load(
    documents: DocumentStore,
    customerIds: readonly string[],
  ): Promise<Map<string, Record<string, unknown>>>;
  empty: Record<string, unknown>;
  /**
   * Section values for profiles that absorbed merged customers: each group is the profile's id
   * and every member merged into it, whose figures count as the survivor's. Sections without it
   * show the survivor's own figures.
   */
  loadGroups?(
    documents: DocumentStore,
    groups: ReadonlyMap<string, readonly string[]>,
  ): Promise<Map<string, Record<string, unknown>>>;
};

export const PROFILE_SECTIONS = Symbol('PROFILE_SECTIONS');

/** Which customers are in a named segment (provided by analytics); null for an unknown name. */
export type CustomerSegmentLookup = {
  idsInSegment(documents: DocumentStore, segment: string): Promise<string[] | null>;
  segmentNames: readonly string[];
};

export const CUSTOMER_SEGMENT_LOOKUP = Symbol('CUSTOMER_SEGMENT_LOOKUP');
