import { RerunConfirmed, systemPrincipal } from '@labflow/contracts';
import { commandFor, inMemoryUnitOfWork } from '@labflow/platform/handling';
import { observation } from '../mapping/fixtures';
import { recordingProjection } from '../in-memory-fhir.fake';
import { ProjectRerunCorrectionUseCase } from './project-rerun-correction.usecase';

describe('ProjectRerunCorrectionUseCase', () => {
  const event = {
    labId: 41, labReportId: 501, lifecycleEpoch: 1, sequence: 3, confirmedBy: '7', confirmedAt: '2026-05-25T10:00:00.000Z',
    confirmed: [{ index: 4, value: '13.4', choice: 'rerun', chosenRerunNumber: 1 }, { index: 5, value: '4.9', choice: 'original' }],
    originalValues: [{ index: 4, value: '110.12' }, { index: 5, value: '4.9' }],
    rerunValues: [{ id: 'r1', index: 4, value: '13.4', parameterName: 'Haemoglobin', rerunNumber: 1, rerunType: 'manual_rerun', deviceId: '42', deviceName: 'Sysmex', createdAt: '2026-05-25T09:30:00.000Z' }],
  } as RerunConfirmed;

  it('reads the report\'s observations (locked) and writes the corrections of the values the rerun replaced', async () => {
    const projection = recordingProjection();
    projection.existing = new Map([[4, observation()]]);
    await new ProjectRerunCorrectionUseCase().execute(commandFor(systemPrincipal(41), event), inMemoryUnitOfWork({ projection, readModel: {} as never }));
    expect(projection.calls.map((c) => c.method)).toEqual(['observationsForUpdate', 'saveCorrections']);
    expect(projection.calls[0].args).toEqual([41, 501]);
    const [labId, corrections] = projection.calls[1].args as [number, { index: number; value: string; change: string; replacedValue: string }[]];
    expect(labId).toBe(41);
    expect(corrections).toEqual([expect.objectContaining({ index: 4, value: '13.4', change: 'corrected', replacedValue: '110.12' })]);
  });
});
