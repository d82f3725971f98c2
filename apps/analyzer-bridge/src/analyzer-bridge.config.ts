import { Type } from 'class-transformer';
import { IsInt, IsString, IsUrl, Matches, Max, Min } from 'class-validator';
import { DEFAULT_PORTS, ServiceConfig } from '@labflow/platform/service';

/** The bridge's settings. Its instruments are listed in BRIDGE_DEVICES (JSON) or the file BRIDGE_DEVICES_FILE. */
export class AnalyzerBridgeConfig extends ServiceConfig {
  override PORT = DEFAULT_PORTS['analyzer-bridge'];
  /** Where uploads go: the gateway's `POST /dataPartialFromDevice/`. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }) LABFLOW_GATEWAY_URL = 'http://127.0.0.1:3000';
  /**
   * The bearer token for `POST /api-v3/sample-rerun/:id/new` (rerun results): a service token of the
   * lab, or a file holding it, re-read at each call so an agent can rotate it without a restart.
   */
  @IsString() LABFLOW_GATEWAY_TOKEN = '';
  @IsString() LABFLOW_GATEWAY_TOKEN_FILE = '';
  /**
   * A JSON array of devices: a registered device's credentials (`{ labId, deviceAuth }`, its connection
   * read from the gateway), or a whole connection inline (connections/device-connection.config.ts).
   */
  @IsString() BRIDGE_DEVICES = '';
  /** A file holding the same JSON array (read when BRIDGE_DEVICES is empty). */
  @IsString() BRIDGE_DEVICES_FILE = '';
  /** This instance's name: it opens the registered connections whose `bridge` is this name. */
  @IsString() @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/) BRIDGE_NAME = 'default';
  /** How often the registered connections are read again and reconciled (new opened, removed closed, changed reopened). */
  @Type(() => Number) @IsInt() @Min(100) @Max(3_600_000) BRIDGE_CONNECTIONS_REFRESH_MS = 30_000;
  /** A directory of the lab's vendor profiles (`*.json`), beside the built-in ones. */
  @IsString() BRIDGE_PROFILES_DIR = '';
  /** How often the delivery worker looks for due uploads when idle. */
  @Type(() => Number) @IsInt() @Min(10) @Max(60_000) DELIVERY_POLL_MS = 500;
  /** Backoff of a retried upload: this, doubling per attempt, up to DELIVERY_MAX_BACKOFF_MS. */
  @Type(() => Number) @IsInt() @Min(10) DELIVERY_BACKOFF_MS = 1000;
  @Type(() => Number) @IsInt() @Min(10) DELIVERY_MAX_BACKOFF_MS = 60_000;
  /** Attempts (5xx, unreachable) before an upload is dead-lettered for a replay; 0: held and retried for ever. */
  @Type(() => Number) @IsInt() @Min(0) DELIVERY_MAX_ATTEMPTS = 200;
  /** One HTTP call to the gateway. */
  @Type(() => Number) @IsInt() @Min(100) DELIVERY_TIMEOUT_MS = 20_000;
  /** An HL7 message waits this long for its uploads' answer before its ACK (AA: stored, AE: refused). */
  @Type(() => Number) @IsInt() @Min(0) @Max(60_000) HL7_ACK_WAIT_MS = 10_000;
}
