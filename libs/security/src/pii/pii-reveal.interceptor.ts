import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import { Injectable } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { from, mergeMap } from 'rxjs';
import type { AuthenticatedRequest } from '@crm/platform';
import { maskEmail, maskName, maskPhone, maskText } from './masking';
import { PiiProtection } from './pii-protection';

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
 * The one place personal data leaves the service: every response is searched for protected
 * values, which are decrypted with their customer's key (or shown erased), and masked for
 * analysts. No endpoint can forget to do it.
 */
@Injectable()
export class PiiRevealInterceptor implements NestInterceptor {
  constructor(private readonly pii: PiiProtection) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const mask = request.principal?.role === 'analyst' ? maskByKind : undefined;
    return next.handle().pipe(mergeMap((body: unknown) => from(this.pii.revealDeep(body, mask))));
  }
}
