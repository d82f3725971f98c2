import { EXTENSIONS } from './fhir-codes';
import { toDiagnosticReport } from './diagnostic-report.mapper';
import { labReport, observation, PARAMETERS } from './fixtures';
import { toSpecimen } from './specimen.mapper';

describe('DiagnosticReport mapper', () => {
  it('references its observations in index order, its specimen and the bill test it is based on', () => {
    const sut = toDiagnosticReport(labReport({ testFlags: ['FLAG1'] }), [observation({ index: 5 }), observation({ index: 4 })], PARAMETERS);
    expect(sut).toMatchObject({
      resourceType: 'DiagnosticReport', id: '501', status: 'partial',
      result: [{ reference: 'Observation/501-4' }, { reference: 'Observation/501-5' }],
      specimen: [{ reference: 'Specimen/aff00bf6-68bf-4b49-b66d-f031d48922b3' }],
      basedOn: [{ reference: 'ServiceRequest/lr-501' }],
      extension: [{ url: EXTENSIONS.machineFlag, valueString: 'FLAG1' }],
      issued: '2026-05-25T09:00:00.000Z',
    });
  });

  it('registered without results; corrected after a rerun changed a value', () => {
    expect(toDiagnosticReport(labReport({ issuedAt: null }), [], PARAMETERS)).toMatchObject({ status: 'registered' });
    expect(toDiagnosticReport(labReport({ issuedAt: null }), [], PARAMETERS)).not.toHaveProperty('result');
    const all = [4, 5, 6].map((index) => observation({ index, change: index === 4 ? 'corrected' : 'none' }));
    expect(toDiagnosticReport(labReport(), all, PARAMETERS).status).toBe('corrected');
  });
});

describe('Specimen mapper', () => {
  it('has the collection and received times (seed 003) and the requests of its lab reports', () => {
    const sut = toSpecimen({
      specimenId: 'aff00bf6-68bf-4b49-b66d-f031d48922b3', patientId: 'p-1', sampleId: 'S1',
      collectedAt: '2026-05-25T08:00:00.000Z', receivedTime: '2026-05-25T08:30:00.000Z', labReportIds: [502, 501],
    });
    expect(sut).toMatchObject({
      collection: { collectedDateTime: '2026-05-25T08:00:00.000Z' }, receivedTime: '2026-05-25T08:30:00.000Z',
      accessionIdentifier: { value: 'S1' }, request: [{ reference: 'ServiceRequest/lr-501' }, { reference: 'ServiceRequest/lr-502' }],
    });
  });
});
