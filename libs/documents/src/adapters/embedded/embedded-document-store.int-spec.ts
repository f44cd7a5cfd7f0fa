import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentStoreContract } from '../../testing/document-store.contract';
import { EmbeddedDocumentStore } from './embedded-document-store';

describe('EmbeddedDocumentStore (embedded adapter)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'crm-docs-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  documentStoreContract(() =>
    Promise.resolve(new EmbeddedDocumentStore({ filename: join(folder, 'documents.sqlite') })),
  );
});
