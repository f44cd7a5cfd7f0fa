import { join } from 'node:path';
import { ensureChromium } from './browser';

describe('ensureChromium (the dashboard suite installs its browser)', () => {
  it('has nothing to do when the browser is there', () => {
    expect(ensureChromium(process.execPath, 1000)).toBeUndefined();
  });

  it('says why it cannot install a missing browser when the run is not root', () => {
    const missing = join(__dirname, 'no-such-chromium');
    const sut = ensureChromium(missing, 1000);
    expect(sut).toContain(`Chromium is missing at ${missing}`);
    expect(sut).toContain('not root');
    expect(sut).toContain('apt-get install -y --no-install-recommends chromium');
  });
});
