import { addressFromLine } from './address';

/** Current schema version of each customer event type that has had more than one. */
export const CUSTOMER_SCHEMA_VERSIONS = { CustomerCreated: 2, CustomerContactUpdated: 2 } as const;

/**
 * Version 1 → 2: the address became structured. A plaintext v1 line becomes `{ street }`.
 * Sealed personal data cannot be reshaped without its key, so a sealed v1 address stays as it
 * is here and is reshaped when it is revealed (see `upcastAddressValue`).
 */
export const upcastAddressV1 = (data: Record<string, unknown>): Record<string, unknown> =>
  typeof data.address === 'string' && !data.address.startsWith('pii:')
    ? { ...data, address: addressFromLine(data.address) }
    : data;

/** The revealed value of an `address` field in any version, in the current shape. */
export const upcastAddressValue = (value: unknown): unknown =>
  typeof value === 'string' ? addressFromLine(value) : value;
