import mongoose, { Connection } from 'mongoose';
import { MongoMonitorWatchdog, MongoMonitorWatchdogOptions } from './mongo-monitor-watchdog';

/**
 * A Mongoose connection to MongoDB, DocumentDB or FerretDB. Code uses only what all three support:
 * single-document atomic writes, no multi-document transactions, no $lookup (DESIGN §6).
 */
export async function connectMongo(url: string, appName: string, watchdog: MongoMonitorWatchdogOptions = {}): Promise<Connection> {
  // A required string of our schemas is one that is present: Mongoose's default also refuses '',
  // which some wire fields may be (an analyzer's empty value). Documented API, not a patch.
  mongoose.Schema.Types.String.checkRequired((v: unknown) => typeof v === 'string');
  // Mongoose keeps each query's stack (new Error().stack) for a "Query was already executed" error;
  // with source maps on, that stack is mapped on every query (about 2% of reporting's CPU on the
  // report entry read). The documented option turns the capture off; nothing here executes a query twice.
  mongoose.set('skipOriginalStackTraces', true);
  const connection = mongoose.createConnection(url, {
    appName,
    serverSelectionTimeoutMS: 3000,
    socketTimeoutMS: 15000,
    maxPoolSize: 20,
    autoIndex: true,
    retryWrites: false, // FerretDB and DocumentDB do not support retryable writes
  });
  await connection.asPromise();
  // a client whose server monitor went silent is reconnected (see the watchdog); stopped with the connection
  const monitor = new MongoMonitorWatchdog(connection.getClient(), watchdog).start();
  connection.once('close', () => monitor.stop());
  return connection;
}

export async function pingMongo(connection: Connection): Promise<void> {
  if (!connection.db) throw new Error('document store not connected');
  await connection.db.command({ ping: 1 });
}
