export * from './domain/customer';
export * from './domain/customer.decider';
export * from './projections/customer-profile/customer-profile.document';
export * from './projections/customer-profile/customer-profile.projection';
export * from './projections/customer-profile/customer-profile.queries';
export * from './application/customer-directory';
export { ForgetCustomerHandler } from './application/customer-command.handlers';
export { ForgetTraces } from './application/forget-traces';
export { ForgetCustomerCommand } from './application/customer.commands';
export * from './customers.module';
export * from './import/customer-importer';
export * from './import/import-rows';
export * from './import/import-row-extension';
export { IMPORT_LIMITS, IMPORT_MEDIA_TYPES } from './import/imports.controller';
export type { ImportLimits } from './import/imports.controller';

import { customerProfileProjection } from './projections/customer-profile/customer-profile.projection';
export const customerProjections = [customerProfileProjection];

/**
 * Personal data in customer events, sealed with the customer's key; with it the blind indexes
 * derived from it (ADR 18), so a forget leaves none of them readable in the log.
 */
const contactFields = {
  name: 'name',
  email: 'email',
  phone: 'phone',
  address: 'address',
  emailHash: 'index',
  nameHashes: 'index',
  phoneHash: 'index',
} as const;
export const customerPiiFields = {
  CustomerCreated: contactFields,
  CustomerContactUpdated: contactFields,
  CustomerNoteAdded: { text: 'text' },
} as const;
export * from './domain/address';
export * from './domain/customer.upcasters';
