import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Max, Min, MinLength, ValidateIf } from 'class-validator';
import { toBoolean } from './load-config';

/** Settings every LabFlow app shares. An app's own config class extends this one. */
export class CommonConfig {
  @IsIn(['development', 'test', 'production']) NODE_ENV = 'development';
  @IsString() @MinLength(1) INSTANCE_ID = `${process.pid}`;
  @IsString() LOG_LEVEL = 'info';

  @IsString() KAFKA_BROKERS = '127.0.0.1:9092';
  @IsString() KAFKA_CLIENT_PREFIX = 'labflow';
  /** Namespaces every topic (e.g. `ci7.`) so several environments can share one broker. */
  @IsString() KAFKA_TOPIC_PREFIX = '';
  /** Consumer groups are `<prefix>.<app>` and `<prefix>.<app>.commands`. */
  @IsString() @MinLength(1) KAFKA_GROUP_PREFIX = 'labflow';
  @Type(() => Number) @IsInt() @Min(1) @Max(64) KAFKA_PARTITIONS = 6;
  @Type(() => Number) @IsInt() @Min(1) @Max(64) KAFKA_CONCURRENCY = 6;
  /**
   * false: this instance answers commands but consumes no events (its event consumers stay stopped
   * and their offsets where they are) — for an instance that only serves requests, or to hold an
   * app's event intake during an incident; another instance, or a restart, catches up.
   */
  @Transform(toBoolean) @IsOptional() KAFKA_CONSUME_EVENTS: boolean = true;
  /** Attempts for a message whose handler rejects it, before it goes to the DLQ. */
  @Type(() => Number) @IsInt() @Min(1) @Max(50) KAFKA_MAX_ATTEMPTS = 3;
  @Type(() => Number) @IsInt() @Min(0) KAFKA_RETRY_BACKOFF_MS = 200;
  @Type(() => Number) @IsInt() @Min(100) COMMAND_TIMEOUT_MS = 15000;
  /**
   * Read your writes: the longest a command waits for the events of its caller's earlier writes to be
   * applied by the app serving it; then it is served with what the app has (and says so).
   */
  @Type(() => Number) @IsInt() @Min(0) @Max(30000) CONSISTENCY_WAIT_MS = 2000;
  /** Readiness turns red once an outbox relay has failed to publish for this long in a row. */
  @Type(() => Number) @IsInt() @Min(1000) OUTBOX_STALLED_AFTER_MS = 30000;

  @IsString() POSTGRES_URL = 'postgres://postgres:postgres@127.0.0.1:5432/labflow';
  @Type(() => Number) @IsInt() @Min(1) POSTGRES_POOL_SIZE = 10;
  @IsString() MONGO_URL = 'mongodb://127.0.0.1:27017/labflow';
  @IsString() REDIS_URL = 'redis://127.0.0.1:6379';
  @IsString() ELASTICSEARCH_URL = 'http://127.0.0.1:9200';
  /** Prefix of every Elasticsearch index, so test runs can use their own. */
  @IsString() ELASTICSEARCH_INDEX_PREFIX = 'labflow';

  /**
   * Tracing: spans always exist (their ids are in the logs and Kafka headers) but leave the process
   * only when an exporter is set. An OTLP/HTTP collector base URL, e.g. http://127.0.0.1:4318
   * (spans go to `<url>/v1/traces`); empty: no exporter, nothing connects.
   */
  @ValidateIf((c: CommonConfig) => c.OTEL_EXPORTER_OTLP_ENDPOINT !== '')
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  OTEL_EXPORTER_OTLP_ENDPOINT = '';
  /** A directory where each app appends its finished spans as JSON lines (`<app>.spans.jsonl`); empty: off. */
  @IsString() TRACES_FILE_DIR = '';

  /** seed 000: the document store must be enabled for the rerun endpoints. */
  @Transform(toBoolean) @IsOptional() DOCUMENT_DB_ENABLED: boolean = true;
}
