import { ReportFormatSaved, systemPrincipal } from '@labflow/contracts';
import { commandFor } from '@labflow/platform/handling';
import { inMemoryVerificationUnit, LAB } from '../in-memory-verification.fake';
import { SaveReportFormatUseCase } from './save-report-format.usecase';

const saved = (revision: number, linearityUpper: number): ReportFormatSaved => ({
  labId: LAB, testId: 12, testName: 'CBC', testType: 'Normal', documentReport: 1, ageRanges: [], revision, savedAt: '2026-05-25T08:00:00.000Z',
  parameters: [{ index: 4, name: 'Haemoglobin', linearityLower: 0, linearityUpper, autoRerunAllowed: false, calculated: false }],
});

describe('SaveReportFormatUseCase', () => {
  it('keeps the names and measuring ranges of the highest revision: a late older one changes nothing', async () => {
    const unit = inMemoryVerificationUnit();
    const sut = new SaveReportFormatUseCase();
    await sut.execute(commandFor(systemPrincipal(LAB), saved(2, 25)), unit);
    await sut.execute(commandFor(systemPrincipal(LAB), saved(1, 99)), unit);
    expect(await unit.formats.parametersOf(LAB, 12)).toEqual([{ index: 4, name: 'Haemoglobin', linearityLower: 0, linearityUpper: 25 }]);
    expect(unit.published).toEqual([]);
  });
});
