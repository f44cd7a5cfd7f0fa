import type { MongoClientOptions } from 'mongodb';

/**
 * The driver's options. `ignoreUndefined`: a field set to `undefined` is left out, as JSON and
 * the embedded store leave it out; the driver's default stores it as `null`, so the same
 * document would read back differently on MongoDB (`{ lastOrder: null }` instead of no field).
 */
export const mongoClientOptions = (options: {
  serverSelectionTimeoutMS?: number;
}): MongoClientOptions => ({
  serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? 5000,
  ignoreUndefined: true,
});
