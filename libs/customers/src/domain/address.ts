/**
 * A postal address. Schema version 2 of the customer events; version 1 held one free-text
 * line, which reads as `street` with the other parts unknown (see the customer upcasters).
 */
export type Address = {
  street: string;
  city: string | null;
  postalCode: string | null;
  /** ISO 3166-1 alpha-2, e.g. GB. */
  country: string | null;
};

export const addressFromLine = (line: string): Address => ({
  street: line,
  city: null,
  postalCode: null,
  country: null,
});

export const sameAddress = (a: Address | null, b: Address | null): boolean =>
  a === b ||
  (a !== null &&
    b !== null &&
    a.street === b.street &&
    a.city === b.city &&
    a.postalCode === b.postalCode &&
    a.country === b.country);
