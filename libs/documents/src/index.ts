export * from './document-store.port';
export * from './errors';
export * from './cursor';
export * from './adapters/embedded/embedded-document-store';
export * from './adapters/mongodb/mongo-document-store';
export * from './adapters/postgres/postgres-document-store';
export * from './find-every';
