import { CommandRequest, FhirJson, FhirReadInput, systemPrincipal } from '@labflow/contracts';
import { DomainException } from '@labflow/platform/kafka';
import { labReport, observation, PARAMETERS } from '../mapping/fixtures';
import { LabReportState, ObservationState, ParameterState, PatientState, SpecimenState } from '../mapping/read-model';
import { Paged, ReadModelRepository, ReportFilter } from './read-model.repository';
import { askedThroughSeam } from '../in-memory-fhir.fake';
import { ReadResourceUseCase } from './read-resource.usecase';

const LAB = 41;
const OTHER_LAB = 42;

interface LabRows {
  reports: LabReportState[];
  observations: ObservationState[];
  parameters: Map<number, ParameterState[]>;
  specimens: SpecimenState[];
  patients: PatientState[];
}

/** The read model of a few labs held in memory; each query records the lab it was asked for and sees only that lab's rows. */
class FakeReadModel {
  readonly labsAsked: number[] = [];
  constructor(private readonly labs: Map<number, LabRows>) {}

  private of(labId: number): LabRows {
    this.labsAsked.push(labId);
    return this.labs.get(labId) ?? { reports: [], observations: [], parameters: new Map(), specimens: [], patients: [] };
  }

  async labReports(labId: number, f: ReportFilter): Promise<Paged<LabReportState>> {
    const rows = this.of(labId).reports.filter((r) => !f.ids || f.ids.includes(r.labReportId));
    return { rows, total: rows.length };
  }

  async observationsOf(labId: number, ids: number[]): Promise<ObservationState[]> {
    return this.of(labId).observations.filter((o) => ids.includes(o.labReportId));
  }

  async parameters(labId: number, testIds: number[]): Promise<Map<number, ParameterState[]>> {
    return new Map([...this.of(labId).parameters].filter(([id]) => testIds.includes(id)));
  }

  async specimens(labId: number, f: { id?: string }): Promise<Paged<SpecimenState>> {
    const rows = this.of(labId).specimens.filter((s) => s.specimenId === f.id);
    return { rows, total: rows.length };
  }

  async patient(labId: number, id: string): Promise<PatientState | null> {
    return this.of(labId).patients.find((p) => p.patientId === id) ?? null;
  }
}

const SPECIMEN: SpecimenState = {
  specimenId: 'aff00bf6-68bf-4b49-b66d-f031d48922b3', patientId: '7075e0e2-6b57-47fd-aff7-324806efa7e5', sampleId: 'S1',
  collectedAt: '2026-05-25T08:00:00.000Z', receivedTime: null, labReportIds: [501],
};

describe('ReadResourceUseCase', () => {
  let readModel: FakeReadModel;
  let sut: (request: CommandRequest) => Promise<FhirJson>;

  beforeEach(() => {
    readModel = new FakeReadModel(new Map([
      [LAB, {
        reports: [labReport()], observations: [observation({ index: 4 }), observation({ index: 5 })],
        parameters: new Map([[12, PARAMETERS]]), specimens: [SPECIMEN],
        patients: [{ patientId: '7075e0e2-6b57-47fd-aff7-324806efa7e5', name: 'Asha Rao', birthDate: '1990-01-02', gender: 'female' }],
      }],
      [OTHER_LAB, {
        reports: [labReport({ labReportId: 502 })], observations: [observation({ labReportId: 502 })],
        parameters: new Map([[12, PARAMETERS]]), specimens: [], patients: [],
      }],
    ]));
    const repository = readModel as unknown as ReadModelRepository;
    sut = askedThroughSeam(new ReadResourceUseCase(), repository);
  });

  const read = (input: Partial<FhirReadInput>, labId = LAB): CommandRequest => ({ principal: systemPrincipal(labId), input });
  const failure = (request: CommandRequest) => sut(request).then(() => { throw new Error('expected a DomainException'); }, (e: unknown) => e);

  it('reads a DiagnosticReport of the caller\'s lab with its results, asking only for that lab', async () => {
    const report = await sut(read({ resourceType: 'DiagnosticReport', id: '501' }));

    expect(report).toMatchObject({
      resourceType: 'DiagnosticReport', id: '501',
      result: [{ reference: 'Observation/501-4' }, { reference: 'Observation/501-5' }],
    });
    expect(new Set(readModel.labsAsked)).toEqual(new Set([LAB]));
  });

  it('reads an Observation by <report>-<index>, a Specimen and a Patient of the lab', async () => {
    await expect(sut(read({ resourceType: 'Observation', id: '501-5' }))).resolves.toMatchObject({ resourceType: 'Observation', id: '501-5' });
    await expect(sut(read({ resourceType: 'Specimen', id: SPECIMEN.specimenId }))).resolves.toMatchObject({ resourceType: 'Specimen', id: SPECIMEN.specimenId });
    await expect(sut(read({ resourceType: 'Patient', id: '7075e0e2-6b57-47fd-aff7-324806efa7e5' })))
      .resolves.toMatchObject({ resourceType: 'Patient', id: '7075e0e2-6b57-47fd-aff7-324806efa7e5', birthDate: '1990-01-02' });
  });

  it('reads a bill test as ServiceRequest lr-<report>', async () => {
    await expect(sut(read({ resourceType: 'ServiceRequest', id: 'lr-501' }))).resolves.toMatchObject({ resourceType: 'ServiceRequest', id: 'lr-501' });
  });

  it('answers another lab\'s report as 404 NOT_FOUND, like an unknown one', async () => {
    const e = await failure(read({ resourceType: 'DiagnosticReport', id: '502' }));

    expect(e).toBeInstanceOf(DomainException);
    expect(e).toMatchObject({ status: 404, code: 'NOT_FOUND', message: 'DiagnosticReport/502 not found' });
    expect(readModel.labsAsked).not.toContain(OTHER_LAB);
    await expect(sut(read({ resourceType: 'DiagnosticReport', id: '502' }, OTHER_LAB))).resolves.toMatchObject({ id: '502' });
  });

  it('answers another lab\'s observation as 404 NOT_FOUND', async () => {
    await expect(failure(read({ resourceType: 'Observation', id: '502-4' })))
      .resolves.toMatchObject({ status: 404, code: 'NOT_FOUND', message: 'Observation/502-4 not found' });
  });

  it('answers a FHIR id of the wrong shape for the type as 404 without querying', async () => {
    await expect(failure(read({ resourceType: 'DiagnosticReport', id: 'abc' })))
      .resolves.toMatchObject({ status: 404, code: 'NOT_FOUND', message: 'DiagnosticReport/abc not found' });
    await expect(failure(read({ resourceType: 'Observation', id: '501' })))
      .resolves.toMatchObject({ status: 404, code: 'NOT_FOUND', message: 'Observation/501 not found' });
    expect(readModel.labsAsked).toEqual([]);
  });

  it('refuses an id that is not a FHIR id, or a type it does not read, as 400', async () => {
    await expect(failure(read({ resourceType: 'DiagnosticReport', id: '50 1' })))
      .resolves.toMatchObject({ status: 400, code: 'VALIDATION_FAILED', message: 'id must be a FHIR id (1-64 of A-Z a-z 0-9 - .)' });
    await expect(failure(read({ resourceType: 'Encounter' as FhirReadInput['resourceType'], id: '1' })))
      .resolves.toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(readModel.labsAsked).toEqual([]);
  });
});
