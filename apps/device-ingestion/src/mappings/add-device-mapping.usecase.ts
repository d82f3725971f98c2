import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CommandRequest, DeviceMappingInput, DeviceMappingResult } from '@labflow/contracts';
import { DomainException, KafkaMessageContext, PgInbox } from '@labflow/platform/kafka';
import { authenticatedInput } from '@labflow/platform/service';
import { DeviceRepository } from '../devices/device.repository';
import { isHl7Interpretation } from './flag-normalization';
import { MAPPING_FUNCTIONS, mappingFunction } from './mapping-functions';
import { MappingRepository } from './mapping.repository';

const CONSUMER = 'device.mapping.add';

/** Maps a test to a mapping function and each analyzer code to its parameter index (seed 002 §2 step 2). */
@Injectable()
export class AddDeviceMappingUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly devices: DeviceRepository,
    private readonly mappings: MappingRepository,
    private readonly inbox: PgInbox,
  ) {}

  async execute(request: CommandRequest, ctx: KafkaMessageContext): Promise<DeviceMappingResult> {
    const { principal, input } = authenticatedInput(DeviceMappingInput, request);
    const labId = principal.labId;
    if (!mappingFunction(input.functionName)) {
      throw new DomainException(400, 'UNKNOWN_MAPPING_FUNCTION', `Unknown mapping function ${input.functionName} (known: ${Object.keys(MAPPING_FUNCTIONS).join(', ')})`);
    }
    const codes = new Set<string>();
    const indexes = new Set<number>();
    input.parameters.forEach((p, i) => {
      if (codes.has(p.testName)) throw new DomainException(400, 'VALIDATION_FAILED', `parameters.${i}.testName ${p.testName} is repeated`);
      if (indexes.has(p.index)) throw new DomainException(400, 'VALIDATION_FAILED', `parameters.${i}.index ${p.index} is repeated`);
      codes.add(p.testName);
      indexes.add(p.index);
    });
    for (const [flag, code] of Object.entries(input.flagInterpretations ?? {})) {
      if (typeof code !== 'string' || !isHl7Interpretation(code)) {
        throw new DomainException(400, 'VALIDATION_FAILED', `flagInterpretations.${flag} must be an HL7 Table 0078 code`);
      }
    }
    if (!(await this.devices.findById(labId, input.deviceId))) throw new DomainException(404, 'DEVICE_NOT_FOUND', 'Device not found');
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
