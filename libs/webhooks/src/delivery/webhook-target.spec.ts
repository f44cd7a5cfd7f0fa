import type { Resolve, TargetPolicyOptions } from './webhook-target';
import { WebhookTargetPolicy } from './webhook-target';

/** A resolver from a table: no DNS query ever leaves the test. */
const resolverOf =
  (table: Record<string, string[]>): Resolve =>
  async (hostname) => {
    const addresses = table[hostname];
    if (!addresses) throw new Error(`ENOTFOUND ${hostname}`);
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };

const policy = (options: TargetPolicyOptions = {}) =>
  new WebhookTargetPolicy({
    resolve: resolverOf({
      'hooks.example.com': ['93.184.216.34'],
      'rebind.example.com': ['10.0.0.7'],
      'split.example.com': ['93.184.216.34', '169.254.169.254'],
      'v6.example.com': ['2606:2800:220:1:248:1893:25c8:1946'],
      'mapped.example.com': ['::ffff:127.0.0.1'],
    }),
    ...options,
  });

describe('WebhookTargetPolicy', () => {
  describe('at registration (no DNS)', () => {
    it.each([
      ['http://169.254.169.254/latest/meta-data/', /link-local/],
      ['http://metadata.google.internal/computeMetadata/v1/', /metadata/],
      ['http://metadata.google.internal./computeMetadata/v1/', /metadata/],
      ['http://localhost:6379/', /loopback/],
      ['http://[::1]/', /loopback/],
      ['http://0x7f000001/', /loopback/],
      ['http://2130706433/', /loopback/],
      ['http://127.1:8080/', /loopback/],
      ['http://[::ffff:127.0.0.1]/', /reserved/],
      ['http://10.0.0.1/', /private/],
      ['http://192.168.1.1/', /private/],
      ['http://[fd00:ec2::254]/', /metadata/],
      ['http://100.100.100.200/', /reserved/],
      ['http://0.0.0.0:3000/', /reserved/],
      ['http://db.internal/', /local or internal name/],
      ['http://user:secret@hooks.example.com/', /user name or password/],
      ['ftp://hooks.example.com/', /http or https/],
    ])('refuses %s', (url, reason) => {
      expect(policy().problemWith(url)).toMatch(reason);
    });

    it('accepts a public host name or address', () => {
      expect(policy().problemWith('https://hooks.example.com/crm')).toBeNull();
      expect(policy().problemWith('http://93.184.216.34:8080/crm')).toBeNull();
    });

    it('accepts loopback only when configured, and never the port of the API itself', () => {
      const sut = policy({ allowLoopback: true, selfPorts: [3000] });

      expect(sut.problemWith('http://127.0.0.1:4567/hook')).toBeNull();
      expect(sut.problemWith('http://localhost:4567/hook')).toBeNull();
      expect(sut.problemWith('http://127.0.0.1:3000/customers')).toMatch(/this service/);
      expect(sut.problemWith('http://localhost:3000/')).toMatch(/this service/);
      expect(sut.problemWith('http://169.254.169.254/')).toMatch(/link-local/);
      expect(sut.problemWith('http://10.0.0.1/')).toMatch(/private/);
    });

    it('accepts private networks only when configured, and metadata never', () => {
      const sut = policy({ allowPrivateNetworks: true });

      expect(sut.problemWith('http://10.0.0.1/hook')).toBeNull();
      expect(sut.problemWith('http://127.0.0.1/hook')).toMatch(/loopback/);
      expect(sut.problemWith('http://169.254.169.254/')).toMatch(/link-local/);
    });
  });

  describe('before a delivery (after resolution)', () => {
    it('answers the checked public address to connect to', async () => {
      expect(await policy().check('https://hooks.example.com/crm')).toEqual({
        ok: true,
        address: '93.184.216.34',
        family: 4,
      });
      expect(await policy().check('https://v6.example.com/crm')).toMatchObject({
        ok: true,
        family: 6,
      });
    });

    it('refuses a public name that resolves to a private address (DNS rebinding)', async () => {
      expect(await policy().check('https://rebind.example.com/')).toEqual({
        ok: false,
        reason: expect.stringMatching(/private/),
      });
    });

    it('refuses a name when any of its addresses is refused', async () => {
      expect(await policy().check('https://split.example.com/')).toMatchObject({ ok: false });
      expect(await policy().check('https://mapped.example.com/')).toMatchObject({ ok: false });
    });

    it('refuses a name that does not resolve, and what registration refuses', async () => {
      expect(await policy().check('https://nowhere.example.com/')).toMatchObject({ ok: false });
      expect(await policy().check('http://0x7f000001/')).toMatchObject({ ok: false });
    });
  });
});
