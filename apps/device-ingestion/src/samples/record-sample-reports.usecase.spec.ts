import { BillRegistered, systemPrincipal } from '@labflow/contracts';
import { commandFor } from '@labflow/platform/handling';
import { inMemoryDeviceIngestionUnit, LAB } from '../in-memory-device-ingestion.fake';
import { RecordSampleReportsUseCase } from './record-sample-reports.usecase';

const bill = (labReports: BillRegistered['labReports']): BillRegistered => ({
  labId: LAB, billId: 77, patient: {} as BillRegistered['patient'], samples: [], labReports, registeredBy: 'u', registeredAt: '2026-01-01T00:00:00Z',
});

describe('RecordSampleReportsUseCase (bill.registered)', () => {
  it('keeps each sample\'s lab reports with their test and bill, in the bill\'s lab', async () => {
    const unit = inMemoryDeviceIngestionUnit();
    const reports = [
      { labReportId: 900, testId: 12, sampleId: 'S1' }, { labReportId: 901, testId: 13, sampleId: 'S2' }, { labReportId: 902, testId: 14, sampleId: 'S1' },
    ] as BillRegistered['labReports'];
    await new RecordSampleReportsUseCase().execute(commandFor(systemPrincipal(LAB), bill(reports)), unit);
    expect(unit.tables.sampleReports).toEqual([
      { labId: LAB, sampleId: 'S1', labReportId: 900, testId: 12, billId: 77 },
      { labId: LAB, sampleId: 'S1', labReportId: 902, testId: 14, billId: 77 },
      { labId: LAB, sampleId: 'S2', labReportId: 901, testId: 13, billId: 77 },
    ]);
    expect(unit.published).toEqual([]);
  });

  it('keeps a report already known (asked of the owner before the event came) once', async () => {
    const unit = inMemoryDeviceIngestionUnit();
    await unit.samples.addAll(LAB, 'S1', [{ labReportId: 900, testId: 12, billId: 77 }]);
    await new RecordSampleReportsUseCase().execute(commandFor(systemPrincipal(LAB), bill([{ labReportId: 900, testId: 12, sampleId: 'S1' }] as BillRegistered['labReports'])), unit);
    expect(unit.tables.sampleReports).toHaveLength(1);
  });
});
