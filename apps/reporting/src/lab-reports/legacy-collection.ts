import type { Db, Document } from 'mongodb';

/**
 * The documents of an old layout's collection in `_id` order, a batch at a time, then drops the
 * collection once the caller has handled the last one; nothing when the collection is gone. A failure
 * part way (the caller throws) drops nothing: the next start reads it again, and the moves that use it
 * never overwrite a newer value.
 */
export async function* drainLegacyCollection<T extends Document & { _id: string }>(db: Db, name: string, batchSize = 500): AsyncGenerator<T> {
  if ((await db.listCollections({ name }).toArray()).length === 0) return;
  const collection = db.collection<T>(name);
  let after = '';
  for (;;) {
    const batch = (await collection.find({ _id: { $gt: after } } as never).sort({ _id: 1 }).limit(batchSize).toArray()) as T[];
    if (batch.length === 0) break;
    for (const doc of batch) yield doc;
    after = batch[batch.length - 1]._id;
  }
  await collection.drop();
}

/** Runs a start-up move, logging what it moved; a failure is logged and retried at the next start. */
export async function moveAtStart(logger: { log(m: string): void; warn(m: string): void }, move: () => Promise<number>, moved: (n: number) => string, notYet: string): Promise<void> {
  try {
    const n = await move();
    if (n > 0) logger.log(moved(n));
  } catch (error) {
    logger.warn(`${notYet} (retried at the next start): ${(error as Error).message}`);
  }
}
