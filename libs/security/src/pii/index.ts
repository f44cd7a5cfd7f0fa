export * from './pii-kinds';
export * from './master-key';
export * from './data-key-store';
export * from './pii-cipher';
export * from './pii-protection';
export * from './encrypting-event-store';
export * from './forget-ledger';
export * from './postgres-forget-ledger';
