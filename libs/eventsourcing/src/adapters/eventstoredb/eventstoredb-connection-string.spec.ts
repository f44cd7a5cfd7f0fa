import { EventStoreDBClient } from '@eventstore/db-client';
import { toClientConnectionString } from './eventstoredb-connection-string';

describe('toClientConnectionString', () => {
  it.each([
    ['kurrentdb://admin:changeit@db:2113?tls=false', 'esdb://admin:changeit@db:2113?tls=false'],
    ['kurrent://db:2113?tls=false', 'esdb://db:2113?tls=false'],
    ['kurrentdb+discover://a:2113,b:2113', 'esdb+discover://a:2113,b:2113'],
    ['KurrentDB://db:2113', 'esdb://db:2113'],
    ['esdb://db:2113?tls=false', 'esdb://db:2113?tls=false'],
    ['esdb+discover://a:2113', 'esdb+discover://a:2113'],
  ])('turns %s into %s', (given, expected) => {
    expect(toClientConnectionString(given)).toBe(expected);
  });

  it('gives the v6 client a string it parses for every KurrentDB scheme', () => {
    for (const url of ['kurrentdb://db:2113?tls=false', 'kurrentdb+discover://a:2113,b:2113']) {
      expect(() => EventStoreDBClient.connectionString(url)).toThrow();
      expect(() =>
        EventStoreDBClient.connectionString(toClientConnectionString(url)),
      ).not.toThrow();
    }
  });
});
