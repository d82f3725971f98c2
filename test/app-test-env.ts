/**
 * Settings of the apps an e2e run starts. Webhook retries run on a scaled-down schedule
 * (production: 0 s, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h).
 */
export const TEST_APP_ENV: Record<string, string> = {
  NODE_ENV: 'test',
  WEBHOOK_RETRY_SCHEDULE_MS: '0,250,500,500,500,500,500,500',
  WEBHOOK_POLL_MS: '50',
};
