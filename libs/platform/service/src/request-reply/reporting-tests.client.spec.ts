import { CommandReply, newEnvelope, Principal, REPORT_FORMAT_QUERIES, systemPrincipal } from '@labflow/contracts';
import { CommandBus, DomainException, KafkaMessageContext, SendOptions } from '@labflow/platform/kafka';
import { ServiceConfig } from '../service.config';
import { ReportingTestsClient } from './reporting-tests.client';

/** A bus that answers every question with `reply` and remembers what it was asked. */
function busAnswering(reply: CommandReply) {
  const asked: { pattern: string; principal: Principal | null; input: unknown; options: SendOptions }[] = [];
  const bus = {
    send: async (spec: { pattern: string }, principal: Principal | null, input: unknown, options: SendOptions) => {
      asked.push({ pattern: spec.pattern, principal, input, options });
      return reply;
    },
  } as unknown as CommandBus;
  return { bus, asked };
}

describe('ReportingTestsClient: asks reporting for a mapped test', () => {
  const principal = systemPrincipal(41);
  const config = Object.assign(new ServiceConfig(), { COMMAND_TIMEOUT_MS: 15000 });
  const command = newEnvelope('device.mapping.add', 1, {}, { labId: 41, correlationId: 'req-1', causationId: null });
  const ctx = new KafkaMessageContext(command, 'device-ingestion.commands', 0, '0', 1, 'labflow.device-ingestion.commands');
  const refusal = (status: number, code: string, message: string): CommandReply => ({ ok: false, status, error: { code, message } });
  const failureOf = (reply: CommandReply) => new ReportingTestsClient(busAnswering(reply).bus, config).parameterIndexesOf(principal, 12, ctx).catch((e: unknown) => e);

  it('returns the test\'s parameter indexes, asked as the caller, caused by the mapping command, before the gateway gives up', async () => {
    const { bus, asked } = busAnswering({ ok: true, status: 200, body: { testId: 12, parameterIndexes: [4, 5, 6] } });
    const sut = new ReportingTestsClient(bus, config);
    expect(await sut.parameterIndexesOf(principal, 12, ctx)).toEqual([4, 5, 6]);
    expect(asked).toEqual([{
      pattern: REPORT_FORMAT_QUERIES.parameterIndexes.pattern, principal, input: { testId: 12 },
      options: { correlationId: 'req-1', causationId: command.id, timeoutMs: 7500 },
    }]);
  });

  it('turns reporting\'s 404 (unknown test, or another lab\'s) into TEST_NOT_FOUND', async () => {
    const error = await failureOf(refusal(404, 'TEST_NOT_FOUND', 'Test not found'));
    expect(error).toBeInstanceOf(DomainException);
    expect(error).toMatchObject({ status: 404, code: 'TEST_NOT_FOUND', message: 'Test not found' });
  });

  it.each([
    [504, 'TIMEOUT', 'reporting did not answer in time'],
    [503, 'BROKER_UNAVAILABLE', 'Service temporarily unavailable, try again'],
    [503, 'DEPENDENCY_UNAVAILABLE', 'Service temporarily unavailable, try again'],
  ])('passes reporting being unavailable (%s %s) on as the same retryable error', async (status, code, message) => {
    const error = await failureOf(refusal(status, code, message));
    expect(error).toBeInstanceOf(DomainException);
    expect(error).toMatchObject({ status, code, message });
  });

  it('answers 502 for a refusal it cannot explain to the caller, never a success', async () => {
    const error = await failureOf(refusal(400, 'VALIDATION_FAILED', 'testId must not be less than 1'));
    expect(error).toMatchObject({ status: 502, code: 'VALIDATION_FAILED', message: 'testId must not be less than 1' });
  });
});
