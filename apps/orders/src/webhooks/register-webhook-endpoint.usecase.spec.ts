import { clientCommand, failureOf, inMemoryOrdersUnit, LAB } from '../in-memory-orders.fake';
import { OrdersConfig } from '../orders.config';
import { RegisterWebhookEndpointUseCase } from './register-webhook-endpoint.usecase';
import { WebhookSecretBox } from './webhook-secret-box';

describe('RegisterWebhookEndpointUseCase', () => {
  const config = new OrdersConfig();
  const box = new WebhookSecretBox(config.WEBHOOK_SECRET_KEY);
  const useCase = new RegisterWebhookEndpointUseCase(box, config);

  it('stores the caller\'s endpoint with a new secret, sealed; the answer shows it in clear', async () => {
    const unit = inMemoryOrdersUnit();
    const kept = await useCase.execute(clientCommand({ url: 'https://93.184.216.34/hook', event_types: ['labtest.order.updated' as const] }), unit);
    expect(kept.secret).toMatch(/^enc1:/);
    const answer = useCase.presented(kept);
    expect(answer).toMatchObject({ url: 'https://93.184.216.34/hook', event_types: ['labtest.order.updated'], secret: expect.stringMatching(/^whsec_/) });
    expect(unit.webhookEndpoints.rows).toEqual([expect.objectContaining({ id: kept.id, labId: LAB, clientId: 'client-a', secret: kept.secret })]);
    expect(box.open(unit.webhookEndpoints.rows[0].secret, kept.id)).toBe(answer.secret);
    expect(unit.published).toEqual([]);
  });

  it('refuses a loopback URL with 422 and stores nothing', async () => {
    const unit = inMemoryOrdersUnit();
    const failure = await failureOf(useCase.execute(clientCommand({ url: 'https://127.0.0.1/hook', event_types: ['labtest.order.updated' as const] }), unit));
    expect(failure).toMatchObject({ status: 422, code: 'WEBHOOK_URL_REFUSED' });
    expect(failure.message).toContain('private, loopback or link-local');
    expect(unit.webhookEndpoints.rows).toEqual([]);
  });
});
