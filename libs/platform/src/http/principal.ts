export const ROLES = ['service', 'analyst', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The authenticated caller: an API key and its one role. */
export type Principal = { keyId: string; role: Role; name: string };

/** What the auth guard leaves on the request for handlers. */
export type AuthenticatedRequest = {
  principal?: Principal;
  id: string;
  headers: Record<string, string | string[] | undefined>;
};
