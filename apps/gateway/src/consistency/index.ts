export * from './read-your-writes';
export * from './caller-writes.store';
export * from './consistency-headers';
