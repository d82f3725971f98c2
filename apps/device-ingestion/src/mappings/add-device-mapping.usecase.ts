import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CommandRequest, DeviceMappingInput, DeviceMappingResult } from '@labflow/contracts';
import { DomainException, KafkaMessageContext, PgInbox } from '@labflow/platform/kafka';
import { authenticatedInput, ReportingTestsClient } from '@labflow/platform/service';
import { DeviceRepository } from '../devices/device.repository';
import { checkDeviceMapping, checkMappedIndexes } from './device-mapping.rules';
import { MappingRepository } from './mapping.repository';

const CONSUMER = 'device.mapping.add';

/** Maps a test to a mapping function and each analyzer code to its parameter index (seed 002 §2 step 2). */
@Injectable()
export class AddDeviceMappingUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly devices: DeviceRepository,
    private readonly mappings: MappingRepository,
    private readonly reportingTests: ReportingTestsClient,
    private readonly inbox: PgInbox,
  ) {}

  async execute(request: CommandRequest, ctx: KafkaMessageContext): Promise<DeviceMappingResult> {
    const { principal, input } = authenticatedInput(DeviceMappingInput, request);
    const labId = principal.labId;
    checkDeviceMapping(input);
    if (!(await this.devices.findById(labId, input.deviceId))) throw new DomainException(404, 'DEVICE_NOT_FOUND', 'Device not found');
    // A retry (same Idempotency-Key) of an applied mapping answers as before, even while reporting is unreachable.
    const replayed = await this.inbox.storedResponse(this.dataSource.manager, CONSUMER, ctx.envelope.id);
    if (replayed) return replayed as DeviceMappingResult;
    checkMappedIndexes(input.parameters, await this.reportingTests.parameterIndexesOf(principal, input.testId, ctx));
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.inbox.claim(manager, CONSUMER, ctx.envelope.id))) {
        return (await this.inbox.storedResponse(manager, CONSUMER, ctx.envelope.id)) as DeviceMappingResult;
      }
      const mapping = await this.mappings.upsert(manager, {
        labId, deviceId: input.deviceId, testId: input.testId, functionName: input.functionName,
        parameters: input.parameters.map((p) => ({ testName: p.testName, index: p.index })),
      });
      if (input.flagInterpretations) await this.mappings.setFlagTable(manager, labId, input.deviceId, input.flagInterpretations);
      const result: DeviceMappingResult = {
        id: mapping.id, deviceId: mapping.deviceId, testId: mapping.testId, functionName: mapping.functionName,
        parameters: mapping.parameters, flagInterpretations: await this.mappings.flagTable(labId, input.deviceId, manager),
      };
      await this.inbox.saveResponse(manager, CONSUMER, ctx.envelope.id, result);
      return result;
    });
  }
}
