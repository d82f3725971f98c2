import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataPartialFromDeviceInput, DataPartialFromDeviceResult, DEVICE_COMMANDS, DeviceValue } from '@labflow/contracts';
import { Command, HandlesCommand } from '@labflow/platform/handling';
import { DeviceIngestionUnitOfWork } from '../device-ingestion-unit-of-work';
import { deviceError } from '../device-ingestion.errors';
import { hashDeviceAuth } from '../devices/device-auth';
import { mappingFunction, StoredMapping } from '../mappings/mapping-functions';
import { SampleReport } from '../samples/sample.repository';
import { SampleReportsResolver } from '../samples/sample-reports.resolver';
import { payloadKey } from './payload-key';

/**
 * seed 002 §2 `POST dataPartialFromDevice/`: validate device, lab, sample and payload; run each
 * mapped test's mapping function; publish device.data.received through the outbox, once per payload.
 * The upload carries no principal (its device token is checked here) and claims its effect by its
 * payload key, not by its message id: the same payload sent again answers the first response.
 */
@Injectable()
@HandlesCommand(DEVICE_COMMANDS.dataPartial, DataPartialFromDeviceInput, { claimedBy: 'use-case', labIdOf: (input) => input.labId })
export class ReceiveDeviceDataUseCase {
  constructor(private readonly sampleReports: SampleReportsResolver) {}

  async execute(command: Command<DataPartialFromDeviceInput>, unit: DeviceIngestionUnitOfWork): Promise<DataPartialFromDeviceResult> {
    const { input } = command;
    // seed 002 step 1: the token names one device of one lab; a token of another lab's device is refused alike.
    const context = input.deviceAuth ? await unit.contexts.forUpload(hashDeviceAuth(input.deviceAuth), input.labId, input.sampleId) : null;
    if (!context) throw deviceError('INVALID_DEVICE_AUTH');
    const { device, mappings, flagTable } = context;
    // A sample (or a test of it) not known here may be a registration that has not reached us yet:
    // the owner is asked before refusing, so a result for a registered sample is never refused for our lag.
    const asked = context.reports.length === 0;
    const reports = asked ? await this.knownToOwner(command, unit) : context.reports;
    const mappedCodes = new Set(mappings.flatMap((m) => m.parameters.map((p) => p.testName)));
    input.data.values.forEach((v, i) => {
      if (!mappedCodes.has(v.testName)) throw deviceError('UNKNOWN_TEST_NAME', String(i), v.testName);
    });
    let values = fillValues(reports, mappings, input, flagTable);
    if (values.length === 0 && !asked) values = fillValues(await this.knownToOwner(command, unit), mappings, input, flagTable);
    if (values.length === 0) throw deviceError('NOTHING_TO_FILL', input.sampleId);
    return this.accept(command, unit, device, values);
  }

  private async knownToOwner(command: Command<DataPartialFromDeviceInput>, unit: DeviceIngestionUnitOfWork): Promise<SampleReport[]> {
    const reports = await this.sampleReports.fromOwner(unit.samples, command.labId, command.input.sampleId, command.cause);
    if (reports.length === 0) throw deviceError('SAMPLE_NOT_FOUND');
    return reports;
  }

  private async accept(
    command: Command<DataPartialFromDeviceInput>, unit: DeviceIngestionUnitOfWork, device: { id: number; name: string }, values: DeviceValue[],
  ): Promise<DataPartialFromDeviceResult> {
    const { input } = command;
    // The token never reaches storage or the idempotency key: only its hash identifies the device.
    const stored: Partial<DataPartialFromDeviceInput> = { ...input };
    delete stored.deviceAuth;
    const key = payloadKey(device.id, stored);
    const resultId = randomUUID();
    const response: DataPartialFromDeviceResult = {
      message: 'Data received', resultId, sampleId: input.sampleId, duplicate: false,
      filled: values.map((v) => ({ labReportId: v.labReportId, testId: v.testId, index: v.index })),
    };
    const first = await unit.payloads.acceptOnce(
      { key, resultId, labId: input.labId, deviceId: device.id, sampleId: input.sampleId, payload: stored, response },
      {
        resultId, labId: input.labId, sampleId: input.sampleId, deviceId: device.id, deviceName: device.name,
        labReportIds: [...new Set(values.map((v) => v.labReportId))], testFlags: input.test_flags ?? [], values,
        deviceExtraData: input.device_extra_data, receivedAt: new Date().toISOString(),
      },
      command.cause,
    );
    if (first) return response;
    const earlier = await unit.payloads.response(key);
    // Never answer a duplicate with an id that was not stored: the analyzer sends it again instead.
    if (!earlier) throw deviceError('DUPLICATE_NOT_READABLE');
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
    if (!fill) throw deviceError('MAPPING_FUNCTION_UNKNOWN', String(mapping.testId), mapping.functionName);
    values.push(...fill({ mapping, labReportId: report.labReportId, values: input.data.values, flagTable }));
  }
  return values;
}
