import fc from 'fast-check';
import { isURL } from 'class-validator';
import { WebhookTargetPolicy } from '../delivery/webhook-target';
import { WEBHOOK_URL_OPTIONS } from './webhook.dto';
import { REFUSED_WEBHOOK_HOSTS, WEBHOOK_URL_PATTERN } from './webhook-url.schema';

const admitted = (url: string) =>
  new RegExp(WEBHOOK_URL_PATTERN, 'u').test(url) &&
  !new RegExp(REFUSED_WEBHOOK_HOSTS, 'u').test(url);

/** URLs of every kind: names, IPv4 and IPv6 literals, user info, ports, local and metadata names. */
const anyUrl = fc.oneof(
  fc.webUrl({
    validSchemes: ['http', 'https', 'ftp'],
    withQueryParameters: true,
    withFragments: true,
    authoritySettings: {
      withIPv4: true,
      withIPv6: true,
      withIPv4Extended: true,
      withPort: true,
      withUserInfo: true,
    },
  }),
  fc
    .tuple(
      fc.constantFrom('http://', 'https://'),
      fc.constantFrom('', 'a.', 'hooks.'),
      fc.constantFrom(
        'localhost',
        'x.local',
        'metadata.google.internal',
        'metadata.goog',
        'instance-data.ec2',
        'router.home.arpa',
        'box.localdomain',
        'example.com',
        '127.0.0.1',
        '10.1.2.3',
        '0x7f.1',
        '2130706433',
        '[::1]',
      ),
      fc.constantFrom('', ':8080', ':0', ':65536', '/', '/hook?x=1#f', '\\@evil.com'),
    )
    .map((parts) => parts.join('')),
);

describe('the webhook URL rule in the document', () => {
  it('admits only URLs the edge and the target policy accept', () => {
    const sut = new WebhookTargetPolicy();
    fc.assert(
      fc.property(anyUrl, (url) => {
        if (!admitted(url)) return;
        expect([url, isURL(url, WEBHOOK_URL_OPTIONS), sut.problemWith(url)]).toEqual([
          url,
          true,
          null,
        ]);
      }),
      { numRuns: 5000 },
    );
  });

  it('admits ordinary receivers', () => {
    expect(
      ['https://hooks.example.com/crm', 'http://a.b.example.org:8443/x?y=1#z'].map(admitted),
    ).toEqual([true, true]);
  });

  it('refuses local names, metadata names, address literals and user info', () => {
    const refused = [
      'http://localhost/hook',
      'http://crm.localhost/hook',
      'http://printer.local/',
      'http://metadata.google.internal/computeMetadata',
      'http://metadata.goog/',
      'http://instance-data.ec2.internal/',
      'http://router.home.arpa/',
      'http://127.0.0.1:9/hook',
      'http://0x7f.1/',
      'http://[::1]/',
      'https://user:secret@hooks.example.com/',
      'ftp://hooks.example.com/',
    ];
    expect(refused.filter(admitted)).toEqual([]);
  });
});
