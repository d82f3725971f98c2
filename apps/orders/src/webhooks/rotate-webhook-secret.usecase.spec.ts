import { clientCommand, failureOf } from '../in-memory-orders.fake';
import { RotateWebhookSecretUseCase } from './rotate-webhook-secret.usecase';
import { controlsBox as box, controlsConfig as config, unitWithEndpoint } from './webhook-endpoint.fixtures';

describe('RotateWebhookSecretUseCase', () => {
  it('rotates: a new sealed secret, the old one kept until the grace period ends, the new one shown in clear', async () => {
    const unit = await unitWithEndpoint();
    const oldSealed = unit.webhookEndpoints.rows[0].secret;
    const rotate = new RotateWebhookSecretUseCase(box, config);
    const before = Date.now();
    const kept = await rotate.execute(clientCommand({ endpointId: 'e-1' }), unit);
    const answer = rotate.presented(kept);
    expect(kept.secret).toMatch(/^enc1:/);
    expect(answer.secret).toMatch(/^whsec_/);
    const row = unit.webhookEndpoints.rows[0];
    expect(box.open(row.secret, 'e-1')).toBe(answer.secret);
    expect(row.previousSecret).toBe(oldSealed);
    const expires = Date.parse(answer.previous_secret_expires_at);
    expect(expires).toBeGreaterThanOrEqual(before + 60_000);
    expect(expires).toBeLessThan(before + 65_000);
  });

  it('answers 404 for another client\'s endpoint, changing nothing', async () => {
    const unit = await unitWithEndpoint();
    const secret = unit.webhookEndpoints.rows[0].secret;
    const other = clientCommand({ endpointId: 'e-1' }, { clientId: 'client-b' });
    expect(await failureOf(new RotateWebhookSecretUseCase(box, config).execute(other, unit)))
      .toMatchObject({ status: 404, code: 'WEBHOOK_ENDPOINT_NOT_FOUND', message: 'Webhook endpoint not found' });
    expect(unit.webhookEndpoints.rows[0]).toMatchObject({ secret });
  });
});
