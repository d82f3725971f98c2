import { clientCommand, inMemoryOrdersUnit, LAB } from '../in-memory-orders.fake';
import { RegisterWebhookEndpointUseCase } from './register-webhook-endpoint.usecase';

describe('RegisterWebhookEndpointUseCase', () => {
  it('stores the caller\'s endpoint with a new secret, shown once in the answer', async () => {
    const unit = inMemoryOrdersUnit();
    const answer = await new RegisterWebhookEndpointUseCase().execute(
      clientCommand({ url: 'https://example.com/hook', event_types: ['labtest.order.updated' as const] }), unit,
    );
    expect(answer).toMatchObject({ url: 'https://example.com/hook', event_types: ['labtest.order.updated'], secret: expect.stringMatching(/^whsec_/) });
    expect(unit.webhookEndpoints.rows).toEqual([expect.objectContaining({ id: answer.id, labId: LAB, clientId: 'client-a', secret: answer.secret })]);
    expect(unit.published).toEqual([]);
  });
});
