import type { FastifyInstance } from 'fastify';
import type { AuthenticatedRequest } from '@crm/platform';
import { maskEmail, maskName, maskPhone, maskText } from './masking';
import type { PiiProtection } from './pii-protection';

const maskByKind = (kind: string, plaintext: unknown): unknown => {
  if (typeof plaintext !== 'string') return maskText('x');
  switch (kind) {
    case 'name':
      return maskName(plaintext);
    case 'email':
      return maskEmail(plaintext);
    case 'phone':
      return maskPhone(plaintext);
    default:
      return maskText(plaintext);
  }
};

/**
 * The one place personal data leaves the service: every response body is searched for
 * protected values, which are decrypted with their customer's key (or shown erased), and
 * masked for analysts. No endpoint can forget to do it. A Fastify `preSerialization` hook
 * rather than a Nest interceptor: no rxjs pipeline and no async-context binding per request.
 */
export const registerPiiReveal = (fastify: FastifyInstance, pii: PiiProtection): void => {
  fastify.addHook('preSerialization', async (request, _reply, payload) => {
    const role = (request as unknown as AuthenticatedRequest).principal?.role;
    return pii.revealDeep(payload, role === 'analyst' ? maskByKind : undefined);
  });
};
