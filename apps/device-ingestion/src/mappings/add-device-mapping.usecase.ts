import { Injectable } from '@nestjs/common';
import { DEVICE_COMMANDS, DeviceMappingInput, DeviceMappingResult } from '@labflow/contracts';
import { Command, HandlesCommand } from '@labflow/platform/handling';
import { ReportingTestsClient } from '@labflow/platform/service';
import { DeviceIngestionUnitOfWork } from '../device-ingestion-unit-of-work';
import { deviceError } from '../device-ingestion.errors';
import { checkDeviceMapping, checkMappedIndexes } from './device-mapping.rules';

/**
 * Maps a test to a mapping function and each analyzer code to its parameter index (seed 002 §2 step 2).
 * Reporting is asked whether the indexes are the test's parameters; a repeat (same Idempotency-Key)
 * is answered from the inbox before anything runs, so it answers as before while reporting is unreachable.
 */
@Injectable()
@HandlesCommand(DEVICE_COMMANDS.addMapping, DeviceMappingInput, { status: 201 })
export class AddDeviceMappingUseCase {
  constructor(private readonly reportingTests: ReportingTestsClient) {}

  async execute(command: Command<DeviceMappingInput>, unit: DeviceIngestionUnitOfWork): Promise<DeviceMappingResult> {
    const { labId, input } = command;
    checkDeviceMapping(input);
    if (!(await unit.devices.findById(labId, input.deviceId))) throw deviceError('DEVICE_NOT_FOUND');
    checkMappedIndexes(input.parameters, await this.reportingTests.parameterIndexesOf(command.principal, input.testId, command.cause));
    const mapping = await unit.mappings.upsert({
      labId, deviceId: input.deviceId, testId: input.testId, functionName: input.functionName,
      parameters: input.parameters.map((p) => ({ testName: p.testName, index: p.index })),
    });
    if (input.flagInterpretations) await unit.mappings.setFlagTable(labId, input.deviceId, input.flagInterpretations);
    return {
      id: mapping.id, deviceId: mapping.deviceId, testId: mapping.testId, functionName: mapping.functionName,
      parameters: mapping.parameters, flagInterpretations: await unit.mappings.flagTable(labId, input.deviceId),
    };
  }
}
