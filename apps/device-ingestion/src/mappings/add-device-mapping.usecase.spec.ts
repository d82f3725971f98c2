import { DeviceMappingInput } from '@labflow/contracts';
import { adminCommand, DeviceIngestionTables, failureOf, inMemoryDeviceIngestionUnit, LAB, labAdmin, reportingAnswering } from '../in-memory-device-ingestion.fake';
import { AddDeviceMappingUseCase } from './add-device-mapping.usecase';

const parameters = [{ testName: 'hmg', index: 4 }, { testName: 'rbc', index: 5 }];
const input = (over: Partial<DeviceMappingInput> = {}): DeviceMappingInput => ({ deviceId: 1, testId: 12, functionName: 'PartialFill', parameters, ...over });

/** A lab with device 1 (flag table `flags`), and another lab's device 2. */
function lab(flags: Record<string, string> = {}) {
  const tables = new DeviceIngestionTables();
  tables.devices.push(
    { id: 1, labId: LAB, name: 'XN', createdAt: new Date(), authHash: 'h1', flagTable: flags },
    { id: 2, labId: LAB + 1, name: 'Other', createdAt: new Date(), authHash: 'h2', flagTable: {} },
  );
  return inMemoryDeviceIngestionUnit(tables);
}

describe('AddDeviceMappingUseCase', () => {
  it('checks the test with reporting (as the caller, caused by the command), stores the mapping and flag table, and answers them', async () => {
    const unit = lab();
    const reporting = reportingAnswering(() => [4, 5, 6]);
    const command = adminCommand(input({ flagInterpretations: { 'H~N': 'H' } }));
    const result = await new AddDeviceMappingUseCase(reporting.client).execute(command, unit);
    expect(result).toEqual({ id: 31, deviceId: 1, testId: 12, functionName: 'PartialFill', parameters, flagInterpretations: { 'H~N': 'H' } });
    expect(reporting.asked).toEqual([{ principal: labAdmin(), testId: 12, cause: command.cause }]);
    expect(unit.tables.mappings).toEqual([{ id: 31, labId: LAB, deviceId: 1, testId: 12, functionName: 'PartialFill', parameters }]);
    expect(unit.tables.devices[0].flagTable).toEqual({ 'H~N': 'H' });
    expect(unit.published).toEqual([]);
  });

  it('replaces the mapping of the same device and test', async () => {
    const unit = lab();
    const sut = new AddDeviceMappingUseCase(reportingAnswering(() => [4, 5, 6]).client);
    await sut.execute(adminCommand(input()), unit);
    await sut.execute(adminCommand(input({ parameters: [{ testName: 'hgb', index: 6 }] })), unit);
    expect(unit.tables.mappings).toEqual([expect.objectContaining({ id: 31, parameters: [{ testName: 'hgb', index: 6 }] })]);
  });

  it('keeps the device\'s flag table when the mapping gives none, and answers with it', async () => {
    const unit = lab({ A: 'A' });
    const result = await new AddDeviceMappingUseCase(reportingAnswering(() => [4, 5]).client).execute(adminCommand(input()), unit);
    expect(result.flagInterpretations).toEqual({ A: 'A' });
  });

  it.each([
    ['an unknown mapping function', { functionName: 'Eval' }, 'UNKNOWN_MAPPING_FUNCTION', 'Unknown mapping function Eval (known: PartialFill)'],
    ['a repeated analyzer code', { parameters: [{ testName: 'hmg', index: 4 }, { testName: 'hmg', index: 5 }] }, 'VALIDATION_FAILED', 'parameters.1.testName hmg is repeated'],
    ['a flag that is not an HL7 code', { flagInterpretations: { 'H~N': 'HIGH' } }, 'VALIDATION_FAILED', 'flagInterpretations.H~N must be an HL7 Table 0078 code'],
  ])('refuses %s with 400 without asking reporting or storing', async (_case, over, code, message) => {
    const unit = lab();
    const reporting = reportingAnswering(() => [4, 5]);
    expect(await failureOf(new AddDeviceMappingUseCase(reporting.client).execute(adminCommand(input(over)), unit))).toEqual({ status: 400, code, message });
    expect(reporting.asked).toEqual([]);
    expect(unit.tables.mappings).toEqual([]);
  });

  it('answers 404 DEVICE_NOT_FOUND for another lab\'s device, without asking reporting', async () => {
    const unit = lab();
    const reporting = reportingAnswering(() => [4, 5]);
    expect(await failureOf(new AddDeviceMappingUseCase(reporting.client).execute(adminCommand(input({ deviceId: 2 })), unit)))
      .toEqual({ status: 404, code: 'DEVICE_NOT_FOUND', message: 'Device not found' });
    expect(reporting.asked).toEqual([]);
  });

  it('refuses an index that is not a parameter of the test with 400 UNKNOWN_TEST_PARAMETER, storing nothing', async () => {
    const unit = lab();
    expect(await failureOf(new AddDeviceMappingUseCase(reportingAnswering(() => [4, 6]).client).execute(adminCommand(input()), unit)))
      .toEqual({ status: 400, code: 'UNKNOWN_TEST_PARAMETER', message: 'parameters.1.index 5 is not a parameter of this test' });
    expect(unit.tables.mappings).toEqual([]);
  });
});
