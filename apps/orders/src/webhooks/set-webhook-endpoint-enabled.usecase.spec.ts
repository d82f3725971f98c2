import { clientCommand, failureOf, LAB } from '../in-memory-orders.fake';
import { DisableWebhookEndpointUseCase, EnableWebhookEndpointUseCase } from './set-webhook-endpoint-enabled.usecase';
import { unitWithEndpoint } from './webhook-endpoint.fixtures';

describe('DisableWebhookEndpointUseCase and EnableWebhookEndpointUseCase', () => {
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

  it('answers 404 for another client\'s endpoint, changing nothing', async () => {
    const unit = await unitWithEndpoint();
    const other = clientCommand({ endpointId: 'e-1' }, { clientId: 'client-b' });
    expect(await failureOf(new DisableWebhookEndpointUseCase().execute(other, unit)))
      .toMatchObject({ status: 404, code: 'WEBHOOK_ENDPOINT_NOT_FOUND', message: 'Webhook endpoint not found' });
    expect(unit.webhookEndpoints.rows[0]).toMatchObject({ disabledAt: null });
  });
});
