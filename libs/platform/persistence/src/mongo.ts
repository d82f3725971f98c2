import mongoose, { Connection } from 'mongoose';

/**
 * A Mongoose connection to MongoDB, DocumentDB or FerretDB. Code uses only what all three support:
 * single-document atomic writes, no multi-document transactions, no $lookup (DESIGN §6).
 */
export async function connectMongo(url: string, appName: string): Promise<Connection> {
  const connection = mongoose.createConnection(url, {
    appName,
    serverSelectionTimeoutMS: 3000,
    socketTimeoutMS: 15000,
    maxPoolSize: 20,
    autoIndex: true,
    retryWrites: false, // FerretDB and DocumentDB do not support retryable writes
  });
  await connection.asPromise();
  return connection;
}

export async function pingMongo(connection: Connection): Promise<void> {
  if (!connection.db) throw new Error('document store not connected');
  await connection.db.command({ ping: 1 });
}
