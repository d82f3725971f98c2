/**
 * An expected, named failure of a use case: bad input, not found, conflict. Carries the HTTP status
 * and the exact message the specifications define. Never retried: the same input fails the same way.
 */
export class DomainException extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainException';
  }
}

/**
 * Something this service needs is down: a DomainException for HTTP (status and message kept), an
 * outage for consumers (retried until it answers, never dead-lettered).
 */
export abstract class UnavailableException extends DomainException {}

/** A store or broker could not be reached. Retried (events) or answered with 503 (commands). */
export class DependencyUnavailableException extends UnavailableException {
  constructor(dependency: string, cause?: unknown) {
    super(503, 'DEPENDENCY_UNAVAILABLE', `Service temporarily unavailable: ${dependency} is unreachable`, {
      cause: cause instanceof Error ? cause.message : undefined,
    });
    this.name = 'DependencyUnavailableException';
  }
}

/**
 * Another service answered a request with 503 or 504 (down, or too busy to answer in time). Keeps
 * its status and message for an HTTP caller, and is an outage for a consumer: the event waits and is
 * retried until the service answers, never dead-lettered.
 */
export class UpstreamUnavailableException extends UnavailableException {
  constructor(status: 503 | 504, code: string, message: string) {
    super(status, code, message);
    this.name = 'UpstreamUnavailableException';
  }
}

const TRANSIENT_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTCONN', 'EAI_AGAIN',
  // PostgreSQL: admin shutdown, crash shutdown, cannot connect now, connection exceptions, too many
  '57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', '53300', '40001', '40P01',
]);
const TRANSIENT_NAMES = new Set([
  'MongoNetworkError', 'MongoServerSelectionError', 'MongoNotConnectedError', 'MongoNetworkTimeoutError',
  'MongoPoolClearedError', 'MongooseServerSelectionError', 'ConnectionError', 'NoLivingConnectionsError',
  'TimeoutError', 'KafkaJSConnectionError', 'KafkaJSRequestTimeoutError',
  'KafkaJSNumberOfRetriesExceeded', 'KafkaJSNonRetriableError', 'DependencyUnavailableException',
]);
const TRANSIENT_TEXT = [
  'Connection terminated', 'connect ECONNREFUSED', 'Connection is closed', 'timeout exceeded when trying to connect',
  'Client has encountered a connection error', 'the database system is', 'server closed the connection',
  'socket hang up', 'Pool is closed', 'Cannot use a pool after calling end',
  // node-redis (its errors keep the name `Error`): offline with no queue, closed, dropped, slow to connect
  'The client is offline', 'The client is closed', 'Socket closed unexpectedly', 'Disconnects client',
  'Connection timeout',
  // FerretDB's answer while its PostgreSQL backend is unreachable
  'connection refused', 'failed to connect to',
];

// The MongoDB driver reports a lost or timed-out socket inside other errors too (a bulk write's
// MongoBulkWriteError says `connection 96 to 127.0.0.1:27017 timed out`): an outage, not a bad message.
const MONGO_SOCKET = /\bconnection \d+ to \S+ (timed out|closed)/;

/** Whether `error` is an outage of a store or the broker (worth retrying) rather than a bad message. */
export function isTransientInfraError(error: unknown): boolean {
  if (error instanceof UnavailableException) return true;
  if (error instanceof DomainException) return false;
  if (!(error instanceof Error)) return false;
  const e = error as Error & { code?: unknown; cause?: unknown; driverError?: unknown };
  if (typeof e.code === 'string' && TRANSIENT_CODES.has(e.code)) return true;
  if (TRANSIENT_NAMES.has(e.name)) return true;
  if (TRANSIENT_TEXT.some((t) => e.message.includes(t))) return true;
  if (e.name.startsWith('Mongo') && MONGO_SOCKET.test(e.message)) return true;
  if (e.driverError && e.driverError !== error) return isTransientInfraError(e.driverError);
  if (e.cause && e.cause !== error) return isTransientInfraError(e.cause);
  return false;
}
