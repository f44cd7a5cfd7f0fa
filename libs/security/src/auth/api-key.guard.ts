import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthenticatedRequest, Principal, Role } from '@crm/platform';
import { markAdmitted } from '@crm/platform';
import { ApiKeyService } from '../api-keys/api-key.service';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';

const BEARER = /^Bearer ([A-Za-z0-9._~+/=-]{1,512})$/;

/** The API key of an `Authorization: Bearer <key>` header, or null when there is none. */
export const bearerToken = (header: string | string[] | undefined): string | null =>
  (typeof header === 'string' ? BEARER.exec(header)?.[1] : undefined) ?? null;

/** What a route's decorators say about access; fixed once its class is defined. */
type RouteAccess = { isPublic: boolean; roles: readonly Role[] };
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- handlers and classes as Nest gives them
type Target = Function;

/**
 * Every route needs an API key unless marked @Public(); the key's role must be one the route
 * lists with @Roles(), or admin. A route that lists no roles is admin-only.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeyService,
  ) {}

  /** Per handler, then per class (a handler may be inherited by several controllers). */
  private readonly access = new WeakMap<Target, WeakMap<Target, RouteAccess>>();

  private accessOf(handler: Target, controller: Target): RouteAccess {
    let byController = this.access.get(handler);
    if (!byController) {
      byController = new WeakMap();
      this.access.set(handler, byController);
    }
    let access = byController.get(controller);
    if (!access) {
      const targets = [handler, controller];
      access = {
        isPublic: this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) === true,
        roles: this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? [],
      };
      byController.set(controller, access);
    }
    return access;
  }

  private async authenticate(request: AuthenticatedRequest): Promise<Principal> {
    const token = bearerToken(request.headers.authorization);
    if (!token)
      throw new UnauthorizedException('missing or malformed Authorization: Bearer <api key>');
    const principal = await this.apiKeys.authenticate(token);
    if (!principal) throw new UnauthorizedException('unknown or revoked API key');
    return principal;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.accessOf(context.getHandler(), context.getClass());
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (access.isPublic) {
      markAdmitted(request);
      return true;
    }
    // Usually already authenticated before the body was read (the app's onRequest gate).
    const principal = request.principal ?? (await this.authenticate(request));
    request.principal = principal;
    const allowed = access.roles;
    if (principal.role !== 'admin' && !allowed.includes(principal.role)) {
      throw new ForbiddenException(
        `role ${principal.role} may not do this; needs ${['admin', ...allowed].join(' or ')}`,
      );
    }
    markAdmitted(request);
    return true;
  }
}
