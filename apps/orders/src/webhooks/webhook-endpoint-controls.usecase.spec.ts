import { clientCommand, failureOf, inMemoryOrdersUnit, LAB } from '../in-memory-orders.fake';
import { OrdersConfig } from '../orders.config';
import { RotateWebhookSecretUseCase } from './rotate-webhook-secret.usecase';
import { DisableWebhookEndpointUseCase, EnableWebhookEndpointUseCase } from './set-webhook-endpoint-enabled.usecase';
import { WebhookSecretBox } from './webhook-secret-box';

describe('webhook endpoint controls', () => {
  const config = Object.assign(new OrdersConfig(), { WEBHOOK_SECRET_ROTATION_GRACE_S: 60 });
  const box = new WebhookSecretBox(config.WEBHOOK_SECRET_KEY);

  async function unitWithEndpoint() {
    const unit = inMemoryOrdersUnit();
    await unit.webhookEndpoints.insert({
      id: 'e-1', labId: LAB, clientId: 'client-a', url: 'https://93.184.216.34/h', eventTypes: ['labtest.order.created'], secret: box.seal('whsec_b2xk', 'e-1'),
    });
    return unit;
  }

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
    for (const run of [
      () => new RotateWebhookSecretUseCase(box, config).execute(other, unit),
      () => new DisableWebhookEndpointUseCase().execute(other, unit),
    ]) expect(await failureOf(run())).toMatchObject({ status: 404, code: 'WEBHOOK_ENDPOINT_NOT_FOUND', message: 'Webhook endpoint not found' });
    expect(unit.webhookEndpoints.rows[0]).toMatchObject({ secret, disabledAt: null });
  });

  it('disables (twice changes nothing) and enables; a disabled endpoint is not subscribed', async () => {
    const unit = await unitWithEndpoint();
    const disabled = await new DisableWebhookEndpointUseCase().execute(clientCommand({ endpointId: 'e-1' }), unit);
    expect(disabled).toMatchObject({ id: 'e-1', enabled: false });
    const since = unit.webhookEndpoints.rows[0].disabledAt;
    await new DisableWebhookEndpointUseCase().execute(clientCommand({ endpointId: 'e-1' }), unit);
    expect(unit.webhookEndpoints.rows[0].disabledAt).toBe(since);
    expect(await unit.webhookEndpoints.subscribed(LAB, 'client-a', 'labtest.order.created')).toEqual([]);
    expect(await new EnableWebhookEndpointUseCase().execute(clientCommand({ endpointId: 'e-1' }), unit)).toMatchObject({ id: 'e-1', enabled: true });
    expect(await unit.webhookEndpoints.subscribed(LAB, 'client-a', 'labtest.order.created')).toHaveLength(1);
  });
});
