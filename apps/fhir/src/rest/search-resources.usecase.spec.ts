import { CommandRequest, FhirJson, FhirSearchInput, systemPrincipal } from '@labflow/contracts';
import { DomainException } from '@labflow/platform/kafka';
import { labReport, observation, PARAMETERS } from '../mapping/fixtures';
import { LabReportState, ObservationState, ParameterState, SpecimenState } from '../mapping/read-model';
import { ObservationFilter, Paged, ReadModelRepository, ReportFilter, Window } from './read-model.repository';
import { askedThroughSeam } from '../in-memory-fhir.fake';
import { SearchResourcesUseCase } from './search-resources.usecase';

const LAB = 41;
const OTHER_LAB = 42;
const BASE = 'https://lab.example/fhir/R4';

interface LabRows { reports: LabReportState[]; observations: ObservationState[]; specimens: SpecimenState[] }

const page = <T>(rows: T[], window: Window | null): Paged<T> =>
  ({ rows: window ? rows.slice(window.offset, window.offset + window.limit) : rows, total: rows.length });

/** The read model of a few labs held in memory; records every query (lab, filter, window) it was asked. */
class FakeReadModel {
  readonly asked: { method: string; labId: number; filter?: unknown; window?: Window | null }[] = [];
  constructor(private readonly labs: Map<number, LabRows>) {}

  private of(method: string, labId: number, filter?: unknown, window?: Window | null): LabRows {
    this.asked.push({ method, labId, filter, window });
    return this.labs.get(labId) ?? { reports: [], observations: [], specimens: [] };
  }

  async labReports(labId: number, f: ReportFilter, window: Window | null): Promise<Paged<LabReportState>> {
    const rows = this.of('labReports', labId, f, window).reports
      .filter((r) => (!f.ids || f.ids.includes(r.labReportId)) && (f.patientId === undefined || r.patientId === f.patientId));
    return page(rows, window);
  }

  async observationsOf(labId: number, ids: number[]): Promise<ObservationState[]> {
    return this.of('observationsOf', labId).observations.filter((o) => ids.includes(o.labReportId));
  }

  async observations(labId: number, f: ObservationFilter, window: Window): Promise<Paged<ObservationState>> {
    return page(this.of('observations', labId, f, window).observations, window);
  }

  async parameters(labId: number, testIds: number[]): Promise<Map<number, ParameterState[]>> {
    this.of('parameters', labId);
    return new Map(testIds.map((id) => [id, PARAMETERS]));
  }

  async specimens(labId: number, f: { patientId?: string }, window: Window | null): Promise<Paged<SpecimenState>> {
    return page(this.of('specimens', labId, f, window).specimens, window);
  }
}

const PATIENT = '7075e0e2-6b57-47fd-aff7-324806efa7e5';

describe('SearchResourcesUseCase', () => {
  let readModel: FakeReadModel;
  let sut: (request: CommandRequest) => Promise<FhirJson>;

  beforeEach(() => {
    readModel = new FakeReadModel(new Map([
      [LAB, {
        // 501 and 503 preliminary (every parameter has a value, unsigned), 502 registered (no value yet).
        reports: [labReport(), labReport({ labReportId: 502, issuedAt: null }), labReport({ labReportId: 503 })],
        observations: [4, 5, 6].flatMap((index) => [observation({ index }), observation({ labReportId: 503, index })]),
        specimens: [],
      }],
      [OTHER_LAB, { reports: [labReport({ labReportId: 900 })], observations: [], specimens: [] }],
    ]));
    const repository = readModel as unknown as ReadModelRepository;
    sut = askedThroughSeam(new SearchResourcesUseCase(), repository);
  });

  const search = (input: Partial<FhirSearchInput>): CommandRequest => ({ principal: systemPrincipal(LAB), input: { base: BASE, ...input } });
  const failure = (request: CommandRequest) => sut(request).then(() => { throw new Error('expected a DomainException'); }, (e: unknown) => e);

  it('answers a searchset Bundle of the caller\'s lab with the total and offset paging links', async () => {
    const bundle = await sut(search({ resourceType: 'DiagnosticReport', patient: `Patient/${PATIENT}`, _count: 1, _offset: 1 }));

    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 3 });
    expect(bundle.entry).toEqual([expect.objectContaining({ fullUrl: `${BASE}/DiagnosticReport/502`, search: { mode: 'match' } })]);
    const q = `patient=Patient%2F${PATIENT}&_count=1`;
    expect(bundle.link).toEqual([
      { relation: 'self', url: `${BASE}/DiagnosticReport?${q}&_offset=1` },
      { relation: 'first', url: `${BASE}/DiagnosticReport?${q}&_offset=0` },
      { relation: 'previous', url: `${BASE}/DiagnosticReport?${q}&_offset=0` },
      { relation: 'next', url: `${BASE}/DiagnosticReport?${q}&_offset=2` },
      { relation: 'last', url: `${BASE}/DiagnosticReport?${q}&_offset=2` },
    ]);
    expect(readModel.asked[0]).toEqual({ method: 'labReports', labId: LAB, filter: expect.objectContaining({ patientId: PATIENT }), window: { offset: 1, limit: 1 } });
    expect(new Set(readModel.asked.map((a) => a.labId))).toEqual(new Set([LAB]));
  });

  it('adds the reports\' Observations as include entries for _include=DiagnosticReport:result', async () => {
    const bundle = await sut(search({ resourceType: 'DiagnosticReport', _include: 'DiagnosticReport:result', _count: 1 }));
    const entries = bundle.entry as { fullUrl: string; resource: { resourceType: string }; search: { mode: string } }[];

    expect(bundle.total).toBe(3);
    expect(entries.map((e) => [e.fullUrl, e.search.mode])).toEqual([
      [`${BASE}/DiagnosticReport/501`, 'match'],
      [`${BASE}/Observation/501-4`, 'include'], [`${BASE}/Observation/501-5`, 'include'], [`${BASE}/Observation/501-6`, 'include'],
    ]);
    expect((bundle.link as { relation: string; url: string }[])[0].url).toBe(`${BASE}/DiagnosticReport?_include=DiagnosticReport%3Aresult&_count=1&_offset=0`);
  });

  it('filters by the derived status after mapping, then pages the matches', async () => {
    const bundle = await sut(search({ resourceType: 'DiagnosticReport', status: 'preliminary', _count: 1, _offset: 1 }));

    expect(bundle).toMatchObject({ total: 2, entry: [{ resource: { id: '503', status: 'preliminary' } }] });
    expect(readModel.asked[0].window).toEqual({ offset: 0, limit: 1000 });
  });

  it('an empty search is a Bundle with total 0 and no entries', async () => {
    const bundle = await sut(search({ resourceType: 'Specimen', patient: 'nobody' }));

    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 0 });
    expect(bundle).not.toHaveProperty('entry');
  });

  it('refuses a parameter the type does not serve as 400 INVALID_SEARCH_PARAMETER, before any query', async () => {
    const e = await failure(search({ resourceType: 'Specimen', code: '12', status: 'final' }));

    expect(e).toBeInstanceOf(DomainException);
    expect(e).toMatchObject({ status: 400, code: 'INVALID_SEARCH_PARAMETER', message: 'Specimen cannot be searched by status, code' });
    await expect(failure(search({ resourceType: 'Observation', _include: 'DiagnosticReport:result' })))
      .resolves.toMatchObject({ status: 400, code: 'INVALID_SEARCH_PARAMETER', message: '_include DiagnosticReport:result applies to DiagnosticReport only' });
    expect(readModel.asked).toEqual([]);
  });

  it('refuses malformed parameter values as 400 with the reason', async () => {
    await expect(failure(search({ resourceType: 'Observation', patient: 'Patient/a b' })))
      .resolves.toMatchObject({ status: 400, code: 'INVALID_SEARCH_PARAMETER', message: 'patient must be Patient/<id> or <id>' });
    await expect(failure(search({ resourceType: 'DiagnosticReport', date: 'yesterday' })))
      .resolves.toMatchObject({ status: 400, code: 'INVALID_SEARCH_PARAMETER', message: expect.stringContaining('date yesterday is not a FHIR date search value') });
    // a code that matches nothing does not hide a malformed patient or date
    await expect(failure(search({ resourceType: 'Observation', code: 'x', patient: '' })))
      .resolves.toMatchObject({ status: 400, code: 'INVALID_SEARCH_PARAMETER', message: 'patient must be Patient/<id> or <id>' });
    await expect(failure(search({ resourceType: 'DiagnosticReport', code: 'http://loinc.org|718-7', date: 'soon' })))
      .resolves.toMatchObject({ status: 400, code: 'INVALID_SEARCH_PARAMETER', message: expect.stringContaining('date soon is not a FHIR date search value') });
    await expect(failure(search({ resourceType: 'DiagnosticReport', _count: 0 })))
      .resolves.toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(readModel.asked).toEqual([]);
  });

  it('a code of another system matches nothing, without querying', async () => {
    const bundle = await sut(search({ resourceType: 'Observation', code: 'http://loinc.org|718-7' }));

    expect(bundle).toMatchObject({ total: 0 });
    expect(readModel.asked).toEqual([]);
  });
});
