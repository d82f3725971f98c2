import { ReportValuesUpdated, systemPrincipal } from '@labflow/contracts';
import { commandFor, inMemoryUnitOfWork } from '@labflow/platform/handling';
import { recordingProjection } from '../in-memory-fhir.fake';
import { ProjectValuesUseCase } from './project-values.usecase';

describe('ProjectValuesUseCase', () => {
  const run = async (applied: boolean) => {
    const projection = recordingProjection();
    const event = { labId: 41, labReportId: 501, applied } as unknown as ReportValuesUpdated;
    await new ProjectValuesUseCase().execute(commandFor(systemPrincipal(41), event), inMemoryUnitOfWork({ projection, readModel: {} as never }));
    return { projection, event };
  };

  it('writes applied values', async () => {
    const { projection, event } = await run(true);
    expect(projection.calls).toEqual([{ method: 'saveValues', args: [event] }]);
  });

  it('ignores values parked on a signed report (not applied): they are not results', async () => {
    expect((await run(false)).projection.calls).toEqual([]);
  });
});
