import { BSON, MongoClient } from 'mongodb';
import { mongoClientOptions } from './mongo-client-options';

describe('mongoClientOptions', () => {
  it('leaves undefined fields out of what the driver sends, as the embedded store does', () => {
    // The client is only constructed (no connection): its resolved options are what it uses.
    const client = new MongoClient('mongodb://127.0.0.1:1/crm', mongoClientOptions({}));
    const { bsonOptions } = client.db('crm').collection('profiles');
    const sent = BSON.deserialize(BSON.serialize({ _id: 'a', gone: undefined }, bsonOptions));
    expect(sent).toEqual({ _id: 'a' });
  });

  it('keeps the server selection timeout it is given, 5 s by default', () => {
    expect(mongoClientOptions({}).serverSelectionTimeoutMS).toBe(5000);
    expect(mongoClientOptions({ serverSelectionTimeoutMS: 50 }).serverSelectionTimeoutMS).toBe(50);
  });
});
