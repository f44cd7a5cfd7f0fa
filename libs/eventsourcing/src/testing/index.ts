export * from './event-factory';
export * from './event-store.contract';
export * from './decider-spec';
