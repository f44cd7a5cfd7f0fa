import { SetMetadata } from '@nestjs/common';
import type { Role } from '@crm/platform';

export const ROLES_KEY = 'crm:roles';
export const PUBLIC_KEY = 'crm:public';

/** Roles allowed on a route besides `admin`, who may do everything. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** A route that needs no API key (health, metrics). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
