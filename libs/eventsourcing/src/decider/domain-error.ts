/**
 * What kind of refusal a domain error is. The HTTP edge maps each kind to one status code;
 * the domain never names status codes.
 */
export type DomainErrorKind = 'conflict' | 'not_found' | 'invalid' | 'forbidden';

/** A refusal by the domain, as a value with a stable code (`TICKET_ALREADY_CLOSED`). */
export type DomainError = {
  readonly kind: 'domain-error';
  readonly category: DomainErrorKind;
  readonly code: string;
  readonly message: string;
};

export const domainError = (
  category: DomainErrorKind,
  code: string,
  message: string,
): DomainError => ({ kind: 'domain-error', category, code, message });

export const isDomainError = (value: unknown): value is DomainError =>
  typeof value === 'object' &&
  value !== null &&
  (value as { kind?: unknown }).kind === 'domain-error';

/** Thrown by the application layer to carry a domain error to the HTTP edge. */
export class DomainErrorException extends Error {
  override readonly name = 'DomainErrorException';
  constructor(readonly error: DomainError) {
    super(error.message);
  }
}
