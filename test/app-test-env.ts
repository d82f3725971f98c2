import { currentEnvironment } from '@labflow/tools/dev';

/**
 * Settings of the apps an e2e run starts. Webhook retries run on a scaled-down schedule
 * (production: 0 s, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h). Each app also appends its finished
 * spans to `<log dir>/<app>.spans.jsonl`, so tests can read traces without a collector (the
 * default, outside tests, is no exporter at all).
 */
export const TEST_APP_ENV: Record<string, string> = {
  NODE_ENV: 'test',
  // The suites drive one token far faster than any lab does (the security sweeps, Schemathesis);
  // the rate-limit e2e starts gateways of its own with low limits.
  RATE_LIMIT_PER_CALLER: '100000',
  RATE_LIMIT_PER_DEVICE: '100000',
  // The webhook receivers of the suites serve plain http on 127.0.0.1.
  WEBHOOK_ALLOW_HTTP: 'true',
  WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true',
  WEBHOOK_RETRY_SCHEDULE_MS: '0,250,500,500,500,500,500,500',
  WEBHOOK_POLL_MS: '50',
  // a rotated secret signs alongside the new one for 3 s, so the suite sees the grace period end
  WEBHOOK_SECRET_ROTATION_GRACE_S: '3',
  TRACES_FILE_DIR: currentEnvironment().logDir,
};
