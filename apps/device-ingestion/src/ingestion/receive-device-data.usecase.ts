import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CommandRequest, DataPartialFromDeviceInput, DataPartialFromDeviceResult, DeviceValue, TOPICS } from '@labflow/contracts';
import { DomainException, KafkaMessageContext, PgOutbox } from '@labflow/platform/kafka';
import { traceHeaders } from '@labflow/platform/observability';
import { validInput } from '@labflow/platform/service';
import { hashDeviceAuth } from '../devices/device-auth';
import { mappingFunction, StoredMapping } from '../mappings/mapping-functions';
import { SampleReport } from '../samples/sample.repository';
import { SampleReportsResolver } from '../samples/sample-reports.resolver';
import { DevicePayloadRepository } from './device-payload.repository';
import { IngestionContextQuery } from './ingestion-context.query';
import { payloadKey } from './payload-key';

const INVALID_DEVICE = 'Invalid device authentication';

/**
 * seed 002 §2 `POST dataPartialFromDevice/`: validate device, lab, sample and payload; run each
 * mapped test's mapping function; publish device.data.received through the outbox, once per payload.
 */
@Injectable()
export class ReceiveDeviceDataUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly contexts: IngestionContextQuery,
    private readonly payloads: DevicePayloadRepository,
    private readonly outbox: PgOutbox,
    private readonly sampleReports: SampleReportsResolver,
  ) {}

  async execute(request: CommandRequest, ctx: KafkaMessageContext): Promise<DataPartialFromDeviceResult> {
    const input = validInput(DataPartialFromDeviceInput, request?.input);
    // seed 002 step 1: the token names one device of one lab; a token of another lab's device is refused alike.
    const context = input.deviceAuth ? await this.contexts.forUpload(hashDeviceAuth(input.deviceAuth), input.labId, input.sampleId) : null;
    if (!context) throw new DomainException(401, 'INVALID_DEVICE_AUTH', INVALID_DEVICE);
    const { device, mappings, flagTable } = context;
    // A sample (or a test of it) not known here may be a registration that has not reached us yet:
    // the owner is asked before refusing, so a result for a registered sample is never refused for our lag.
    const asked = context.reports.length === 0;
    const reports = asked ? await this.knownToOwner(input, ctx) : context.reports;

    const mappedCodes = new Set(mappings.flatMap((m) => m.parameters.map((p) => p.testName)));
    input.data.values.forEach((v, i) => {
      if (!mappedCodes.has(v.testName)) {
        throw new DomainException(400, 'UNKNOWN_TEST_NAME', `data.values.${i}.testName ${v.testName} is not mapped on this device`);
      }
    });
    let values = fillValues(reports, mappings, input, flagTable);
    if (values.length === 0 && !asked) values = fillValues(await this.knownToOwner(input, ctx), mappings, input, flagTable);
    if (values.length === 0) {
      throw new DomainException(422, 'NOTHING_TO_FILL', `No test of sample ${input.sampleId} is mapped on this device`);
    }
    return this.accept(input, device, values, ctx);
  }

  private async knownToOwner(input: DataPartialFromDeviceInput, ctx: KafkaMessageContext): Promise<SampleReport[]> {
    const reports = await this.sampleReports.fromOwner(input.labId, input.sampleId, ctx);
    if (reports.length === 0) throw new DomainException(404, 'SAMPLE_NOT_FOUND', 'Sample not found');
    return reports;
  }

  private async accept(
    input: DataPartialFromDeviceInput, device: { id: number; name: string }, values: DeviceValue[], ctx: KafkaMessageContext,
  ): Promise<DataPartialFromDeviceResult> {
    // The token never reaches storage or the idempotency key: only its hash identifies the device.
    const stored: Partial<DataPartialFromDeviceInput> = { ...input };
    delete stored.deviceAuth;
    const key = payloadKey(device.id, stored);
    const resultId = randomUUID();
    const response: DataPartialFromDeviceResult = {
      message: 'Data received', resultId, sampleId: input.sampleId, duplicate: false,
      filled: values.map((v) => ({ labReportId: v.labReportId, testId: v.testId, index: v.index })),
    };
    // The payload and its event in one statement: both are stored, or (a repeat) neither.
    const claim = this.payloads.claimStatement({ key, resultId, labId: input.labId, deviceId: device.id, sampleId: input.sampleId, payload: stored, response });
    const { rows } = await this.outbox.addGuarded(this.dataSource, claim, TOPICS.deviceDataReceived, [{
      payload: {
        resultId, labId: input.labId, sampleId: input.sampleId, deviceId: device.id, deviceName: device.name,
        labReportIds: [...new Set(values.map((v) => v.labReportId))], testFlags: input.test_flags ?? [], values,
        deviceExtraData: input.device_extra_data, receivedAt: new Date().toISOString(),
      },
      cause: { ...ctx.causedContext, labId: input.labId },
      trace: traceHeaders(),
    }]);
    if (rows.length === 1) return response;
    const earlier = await this.payloads.response(key);
    // Never answer a duplicate with an id that was not stored: the analyzer sends it again instead.
    if (!earlier) throw new DomainException(503, 'DUPLICATE_NOT_READABLE', 'Service temporarily unavailable, try again');
    return { ...earlier, duplicate: true };
  }
}

/** Each mapped test's mapping function over the upload's values, for the sample's reports of that test. */
function fillValues(
  reports: SampleReport[], mappings: StoredMapping[], input: DataPartialFromDeviceInput, flagTable: Record<string, string>,
): DeviceValue[] {
  const values: DeviceValue[] = [];
  for (const report of reports) {
    const mapping = mappings.find((m) => m.testId === report.testId);
    if (!mapping) continue;
    const fill = mappingFunction(mapping.functionName);
    if (!fill) {
      throw new DomainException(500, 'MAPPING_FUNCTION_UNKNOWN', `Device mapping of test ${mapping.testId} uses unknown function ${mapping.functionName}`);
    }
    values.push(...fill({ mapping, labReportId: report.labReportId, values: input.data.values, flagTable }));
  }
  return values;
}
