/**
 * What Nest learnt about a request, left on it for the Fastify `onResponse` hook that records
 * the command metrics (so no Nest interceptor has to wrap every handler for bookkeeping):
 * when the auth guard admitted it, and the error its handling ended with, if any.
 */
const ADMITTED_AT = Symbol('crm.admittedAt');
const FAILURE = Symbol('crm.failure');

type Marked = { [ADMITTED_AT]?: number; [FAILURE]?: { error: unknown } };

/** Called by the auth guard once it lets the request through (public routes included). */
export const markAdmitted = (request: object): void => {
  (request as Marked)[ADMITTED_AT] = performance.now();
};

/** `performance.now()` when the guard admitted the request; undefined when it never did. */
export const admittedAt = (request: object): number | undefined => (request as Marked)[ADMITTED_AT];

/** Called by the exception filter with the error it turns into a response. */
export const recordFailure = (request: object, error: unknown): void => {
  (request as Marked)[FAILURE] = { error };
};

/** The error the request ended with, as `{ error }`; undefined when it succeeded. */
export const failureOf = (request: object): { error: unknown } | undefined =>
  (request as Marked)[FAILURE];
