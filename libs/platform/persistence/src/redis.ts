import { createClient } from 'redis';

export interface RedisOptions {
  /** CLIENT SETNAME, so `CLIENT LIST` shows which app holds a connection. */
  name: string;
  connectTimeoutMs?: number;
  /** Told each error the client reports (a dropped connection, a refused reconnect). */
  onError?: (error: Error) => void;
}

function createRedis(url: string, options: RedisOptions) {
  let wasReady = false;
  const client = createClient({
    url,
    name: options.name,
    // Commands fail at once while Redis is unreachable instead of waiting in a queue, so a caller
    // can answer 503 rather than hang on a store that may not come back soon.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: options.connectTimeoutMs ?? 3000,
      // The first connection is not retried here: connectRedis rejects and the caller's start-up
      // retry decides (retryStart). A connection lost after that is re-made with a capped backoff.
      // `false`, not an Error: node-redis checks `instanceof Error`, which fails across realms (Jest).
      reconnectStrategy: (retries) => (wasReady ? Math.min((retries + 1) * 200, 2000) : false),
    },
  });
  client.on('ready', () => {
    wasReady = true;
  });
  // Without a listener an 'error' event would end the process; a lost connection is a readiness
  // failure (pingRedis) and a 503, not a crash.
  client.on('error', (error: Error) => options.onError?.(error));
  return client;
}

export type RedisClient = ReturnType<typeof createRedis>;

/**
 * Connects to Redis (node-redis) and resolves once the connection is ready (AUTH, SELECT and
 * SETNAME done). Rejects when the first connection fails, leaving nothing open.
 */
export async function connectRedis(url: string, options: RedisOptions): Promise<RedisClient> {
  const client = createRedis(url, options);
  await client.connect();
  return client;
}

/** Closes the connection without waiting for replies still in flight (shutdown, tests). */
export function closeRedis(client: RedisClient): void {
  if (client.isOpen) client.destroy();
}

export async function pingRedis(client: RedisClient): Promise<void> {
  const pong = await client.ping();
  if (pong !== 'PONG') throw new Error(`unexpected PING reply ${pong}`);
}
