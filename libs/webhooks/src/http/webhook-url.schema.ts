/**
 * The webhook target rule as the document states it. The server's rule (WebhookTargetPolicy)
 * needs an address table, so the document admits a safe part of it that a client can check with
 * a pattern: an http(s) URL to a lower-case host name under a public top-level label, without
 * a user name or password, and not a local or cloud-metadata name. Public IP address literals,
 * which the server also accepts, are outside the pattern.
 */
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
/** A top-level label starts with a letter, so the URL parser never reads the host as IPv4. */
const TOP_LABEL = '[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?';
const PORT = '(?:[1-9]\\d{0,3}|[1-5]\\d{4}|6[0-4]\\d{3}|65[0-4]\\d{2}|655[0-2]\\d|6553[0-5])';
const REST = "[A-Za-z0-9\\-._~!$&'()*+,;=:@%/?#]*";

export const WEBHOOK_URL_PATTERN = `^https?://(?:${LABEL}\\.)+${TOP_LABEL}(?::${PORT})?(?:[/?#]${REST})?$`;

/** Names that never leave the machine or the private network, and cloud metadata services. */
export const REFUSED_WEBHOOK_HOSTS =
  '^https?://(?:(?:[^/?#]*\\.)?(?:localhost|local|internal|localdomain|home\\.arpa)|metadata\\.goog|instance-data\\.[^/?#]*)(?::\\d+)?(?:[/?#]|$)';

export const WEBHOOK_URL_SCHEMA = {
  pattern: WEBHOOK_URL_PATTERN,
  not: { pattern: REFUSED_WEBHOOK_HOSTS },
  description:
    'An http or https URL the service may deliver to. Refused with 400 (rule isAllowedWebhookTarget): ' +
    'a user name or password in the URL; local names (localhost, *.local, *.internal, *.localdomain, ' +
    '*.home.arpa) and cloud metadata names; addresses that are loopback, private (RFC 1918, fc00::/7), ' +
    'link-local, shared (100.64.0.0/10), reserved or a metadata service. Loopback and private ' +
    'targets are accepted only where WEBHOOK_ALLOW_LOOPBACK / WEBHOOK_ALLOW_PRIVATE_NETWORKS allow ' +
    'them, and never the API’s own port. The pattern admits host names only; the server also ' +
    'accepts public IP addresses. A host name is resolved again before every delivery, and a ' +
    'delivery to a name that resolves to a refused address fails instead of connecting.',
} as const;
