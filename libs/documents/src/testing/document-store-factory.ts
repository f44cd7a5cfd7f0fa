import type { DocumentStore } from '../document-store.port';

/** Opens a store for one test; the contract suites close it after each test. */
export type DocumentStoreFactory = () => Promise<DocumentStore>;
