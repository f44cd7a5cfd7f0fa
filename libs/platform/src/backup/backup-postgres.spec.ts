import { loadConfig } from '../config/app-config';
import { createBackup, restoreBackup } from './backup';

describe('backup and restore with POSTGRES_URL', () => {
  const config = loadConfig({ POSTGRES_URL: 'postgres://db/crm', CRM_DATA_DIR: '/nonexistent' });

  it('refuses to back up, pointing at pg_dump', () => {
    expect(() => createBackup(config, '/tmp/never.crm')).toThrow(/use pg_dump and pg_restore/);
  });

  it('refuses to restore, pointing at pg_restore', () => {
    expect(() => restoreBackup(config, '/tmp/never.crm')).toThrow(/use pg_dump and pg_restore/);
  });
});
