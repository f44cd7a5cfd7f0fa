/**
 * KurrentDB (EventStoreDB's new name) documents `kurrentdb://` connection strings; the v6
 * client we use parses only `esdb://` and `esdb+discover://`. The grammar after the scheme is
 * the same and so is the server protocol, so the KurrentDB schemes are rewritten to the ones
 * the client knows rather than refused at start (ADR 0013 says why we keep this client).
 */
export const toClientConnectionString = (url: string): string =>
  url.replace(/^(kurrentdb|kurrent)(\+discover)?:\/\//i, (_, _name: string, discover?: string) =>
    discover ? 'esdb+discover://' : 'esdb://',
  );
