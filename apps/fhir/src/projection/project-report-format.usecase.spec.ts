import { ReportFormatSaved, systemPrincipal } from '@labflow/contracts';
import { commandFor, inMemoryUnitOfWork } from '@labflow/platform/handling';
import { recordingProjection } from '../in-memory-fhir.fake';
import { ProjectReportFormatUseCase } from './project-report-format.usecase';

describe('ProjectReportFormatUseCase', () => {
  it('writes the event into the projection once, as it came (the lab is the event\'s), publishing nothing', async () => {
    const projection = recordingProjection();
    const unit = inMemoryUnitOfWork({ projection, readModel: {} as never });
    const event = { labId: 41, testId: 12, parameters: [] } as unknown as ReportFormatSaved;
    await new ProjectReportFormatUseCase().execute(commandFor(systemPrincipal(41), event), unit);
    expect(projection.calls).toEqual([{ method: 'saveFormat', args: [event] }]);
    expect(unit.published).toEqual([]);
  });
});
