export * from './crm-client';
