import { call, eventually, freshLabId, HttpResult, tokenFor } from '@labflow/testing';
import { createTest, registerPatient, Registered } from './lab-fixtures';
import { TOKEN_HEADER, tokenOf } from './support/consistency';
import { orderToRedraw, orderTokens } from './support/orders.fixtures';
import { validateResources } from './support/fhir-validator';
import { actionsPath, specimenLab } from './support/specimen-fixtures';

const NS = 'https://labflow.dev/fhir';
const UCUM = 'http://unitsofmeasure.org';
const EXT = { flag: `${NS}/StructureDefinition/machine-flag`, critical: `${NS}/StructureDefinition/critical-value`, replaced: `${NS}/StructureDefinition/replaced-value` };
type Json = Record<string, any>;

const codes = (o: Json) => (o.interpretation ?? []).map((c: Json) => c.coding[0].code);
const extensions = (o: Json, url: string) => (o.extension ?? []).filter((e: Json) => e.url === url).map((e: Json) => e.valueString ?? e.valueBoolean);

/** Issue 23: LabFlow's results as FHIR R4 through the gateway, every resource checked by the HL7 validator. */
describe('FHIR R4 results out (issue 23)', () => {
  const labId = freshLabId();
  const sampleId = `F${labId}`;
  const produced = new Map<string, Json>();
  let token: string;
  let registered: Registered;
  let labReportId: number;
  let device: { id: number; deviceAuth: string };

  const fhir = async (path: string, headers: Record<string, string> = {}, as = token): Promise<HttpResult<Json>> => {
    const res = await call<Json>('GET', `/fhir/R4${path}`, { token: as, headers });
    if (res.body && typeof res.body === 'object' && res.body.resourceType) produced.set(JSON.stringify(res.body), res.body);
    return res;
  };
  const observation = (bundle: Json, index: number): Json => bundle.entry.find((e: Json) => e.resource.id === `${labReportId}-${index}`).resource;

  beforeAll(async () => {
    token = await tokenFor({ lab_id: labId });
    const testId = await createTest(token, true, 'CBC');
    registered = await registerPatient(token, sampleId, [testId]);
    labReportId = registered.labReports[0].labReportId;
    device = (await call('POST', '/api-v3/devices', { token, body: { name: 'Sysmex XN-1000' } })).body;
    const mapped = await call('POST', `/api-v3/devices/${device.id}/mappings`, {
      token, body: { testId, functionName: 'PartialFill', parameters: [{ testName: 'hgb', index: 4 }, { testName: 'rbc', index: 5 }] },
    });
    expect(mapped.status).toBe(201);
    // HGB above the adult female range (H), RBC below its critical low (LL, critical); MCH is calculated: 162 / 1.8 = 90 (H)
    const upload = await call('POST', '/dataPartialFromDevice/', {
      body: {
        labId, sampleId, deviceAuth: device.deviceAuth, test_flags: ['Abnormal WBC scattergram'],
        data: { values: [{ testName: 'hgb', value: 16.2, param_flags: ['H~N'] }, { testName: 'rbc', value: 1.8, param_flags: ['*L', 'P1'] }] },
      },
    });
    expect(upload.status).toBe(200);
  });

  it('a CBC with flags is a DiagnosticReport with Observations: interpretation, reference range, UCUM, device, critical', async () => {
    // the values are two hops from the upload (device-ingestion → reporting → fhir), another caller's write: eventually
    const report = await eventually(() => fhir(`/DiagnosticReport/${labReportId}`), (r) => r.status === 200 && r.body.result?.length === 3);
    expect(report.headers.get('content-type')).toContain('application/fhir+json');
    expect(report.body).toMatchObject({
      resourceType: 'DiagnosticReport', status: 'preliminary', subject: { reference: `Patient/${registered.patientId}` },
      specimen: [{ reference: `Specimen/${registered.samples[0].specimenId}` }], basedOn: [{ reference: `ServiceRequest/lr-${labReportId}` }],
      effectiveDateTime: '2026-05-25T08:00:00.000Z', code: { text: 'CBC' },
    });
    expect(extensions(report.body, EXT.flag)).toEqual(['Abnormal WBC scattergram']);

    const bundle = (await fhir(`/DiagnosticReport?patient=Patient/${registered.patientId}&_include=DiagnosticReport:result`)).body;
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 1 });
    expect(bundle.entry.map((e: Json) => e.search.mode)).toEqual(['match', 'include', 'include', 'include']);
    const hgb = observation(bundle, 4);
    expect(hgb).toMatchObject({
      status: 'preliminary', valueQuantity: { value: 16.2, unit: 'g/dL', system: UCUM, code: 'g/dL' },
      device: { reference: `Device/${device.id}` }, specimen: { reference: `Specimen/${registered.samples[0].specimenId}` },
    });
    expect(codes(hgb)).toEqual(['H']);
    expect(extensions(hgb, EXT.flag)).toEqual(['H~N']);
    expect(extensions(hgb, EXT.critical)).toEqual([]);
    // the female adult ageRangeData band applied: 12-15.5 for 18 to 119 years
    expect(hgb.referenceRange[0]).toMatchObject({
      low: { value: 12, code: 'g/dL' }, high: { value: 15.5 }, appliesTo: [{ coding: [{ code: 'female' }] }],
      age: { low: { value: 18, code: 'a' }, high: { value: 119, code: 'a' } },
    });
    const rbc = observation(bundle, 5);
    expect(rbc.valueQuantity).toEqual({ value: 1.8, unit: 'mill/cumm', system: UCUM, code: '10*6/uL' });
    expect(codes(rbc)).toEqual(['LL']);
    expect(extensions(rbc, EXT.flag)).toEqual(['*L', 'P1']);
    expect(extensions(rbc, EXT.critical)).toEqual([true]);
    expect(rbc.referenceRange.map((r: Json) => [r.low.value, r.high.value])).toEqual([[4.5, 5.5], [2, 8]]);
    const mch = observation(bundle, 6);
    expect(mch.valueQuantity).toMatchObject({ value: 90, code: 'pg' });
    expect(codes(mch)).toEqual(['H']); // no analyzer flag: the lab's own judgement against 27-32
    expect(mch).not.toHaveProperty('device');
  });

  it('searches Observation by patient, code and date; reads Patient, Device and the bill test request', async () => {
    const byCode = (await fhir(`/Observation?patient=${registered.patientId}&code=${encodeURIComponent(`${NS}/CodeSystem/report-parameter|${registered.labReports[0].testId}-5`)}&date=ge2026-05-25&date=lt2026-05-26`)).body;
    expect(byCode.total).toBe(1);
    expect(byCode.entry[0].resource.id).toBe(`${labReportId}-5`);
    expect((await fhir(`/Observation?patient=${registered.patientId}&date=2027`)).body.total).toBe(0);
    const paged = (await fhir(`/Observation?patient=${registered.patientId}&_count=2`)).body;
    expect(paged.total).toBe(3);
    expect(paged.entry).toHaveLength(2);
    const next = paged.link.find((l: Json) => l.relation === 'next').url as string;
    expect(new URL(next).searchParams.get('_offset')).toBe('2');
    expect((await fhir(`/Observation?${new URL(next).searchParams.toString()}`)).body.entry).toHaveLength(1);

    expect((await fhir(`/Patient/${registered.patientId}`)).body).toMatchObject({
      resourceType: 'Patient', gender: 'female', birthDate: '1984-02-29', name: [{ family: 'Rao', given: ['Asha'] }],
    });
    expect((await fhir(`/Device/${device.id}`)).body).toMatchObject({ deviceName: [{ name: 'Sysmex XN-1000', type: 'user-friendly-name' }] });
    expect((await fhir(`/ServiceRequest/lr-${labReportId}`)).body).toMatchObject({ status: 'active', intent: 'order', requisition: { value: String(registered.billId) } });
    expect((await fhir(`/DiagnosticReport?patient=${registered.patientId}&status=final`)).body.total).toBe(0);
    expect((await fhir(`/DiagnosticReport?code=${registered.labReports[0].testId}&status=preliminary,partial`)).body.total).toBe(1);
  });

  it('a specimen received (seed 003) has its received time beside the collection time', async () => {
    const lab = await specimenLab(labId);
    const specimenId = registered.samples[0].specimenId;
    const patched = await call('PATCH', actionsPath(registered.patientId, specimenId), {
      token: await lab.userToken(), body: { received_time: '2026-05-25T08:30:00.000Z' },
    });
    expect(patched.status).toBe(200);
    // received by a job of the specimen app, then specimen.received: eventually
    const specimen = await eventually(() => fhir(`/Specimen/${specimenId}`), (r) => r.body.receivedTime !== undefined);
    expect(specimen.body).toMatchObject({
      collection: { collectedDateTime: '2026-05-25T08:00:00.000Z' }, receivedTime: '2026-05-25T08:30:00.000Z',
      accessionIdentifier: { value: sampleId }, subject: { reference: `Patient/${registered.patientId}` },
    });
    expect((await fhir(`/Specimen?patient=${registered.patientId}`)).body.total).toBe(1);
  });

  it('a confirmed rerun makes the report corrected and the Observation carries the replaced value', async () => {
    const rerun = (action: string, body: Json) => call('POST', `/api-v3/sample-rerun/${labReportId}/${action}`, { token, body });
    expect((await rerun('request', { type: 'Manual', rerun_number: '1', requested_parameters: '[4]', parameter_names: ['Haemoglobin'], is_active: true, lab_id: labId })).status).toBe(200);
    expect((await rerun('new', {
      lab_id: labId, sample_id: sampleId, device_id: String(device.id), device_name: 'Sysmex XN-1000', rerun_type: 'manual_rerun', rerun_number: 1,
      device_data: [{ index: 4, value: '14.1', parameter_name: 'Haemoglobin' }],
    })).status).toBe(200);
    const confirmed = await rerun('confirm', { rerun_confirmed_data: [{ index: 4, value: '14.1', parameter_name: 'Haemoglobin' }] });
    expect(confirmed.status).toBe(200);
    // rerun.confirmed is applied by fhir before this read answers: the write's token, sent back
    const report = await fhir(`/DiagnosticReport/${labReportId}`, { [TOKEN_HEADER]: tokenOf(confirmed) });
    expect(report.headers.get('x-consistency')).not.toBe('stale');
    expect(report.body.status).toBe('corrected');
    const hgb = (await fhir(`/Observation/${labReportId}-4`)).body;
    expect(hgb).toMatchObject({ status: 'corrected', valueQuantity: { value: 14.1, code: 'g/dL' } });
    expect(extensions(hgb, EXT.replaced)).toEqual(['16.2']);
    expect(extensions(hgb, EXT.flag)).toEqual([]); // the rerun value came without analyzer flags
    expect(codes(hgb)).toEqual(['N']); // judged against the same 12-15.5 range
    expect((await fhir(`/Observation/${labReportId}-5`)).body.status).toBe('preliminary');
  });

  it('a redraw transaction is two ServiceRequests with one requisition, the redraw replacing the initial order', async () => {
    const tokens = await orderTokens(labId);
    const { orderId, transactionId, redrawId } = await orderToRedraw(tokens.client, tokens.lab);
    const found = await eventually(() => fhir(`/ServiceRequest?requisition=${encodeURIComponent(`${NS}/sid/order-transaction|${transactionId}`)}`), (r) => r.body.total === 2
      && r.body.entry.some((e: Json) => e.resource.id === orderId && e.resource.status === 'completed'));
    const byId = Object.fromEntries(found.body.entry.map((e: Json) => [e.resource.id, e.resource]));
    expect(Object.keys(byId).sort()).toEqual([orderId, redrawId].sort());
    expect(byId[redrawId].replaces).toEqual([{ reference: `ServiceRequest/${orderId}` }]);
    expect(byId[orderId]).not.toHaveProperty('replaces');
    expect(byId[orderId].requisition).toEqual({ system: `${NS}/sid/order-transaction`, value: transactionId });
    expect(byId[redrawId].requisition).toEqual(byId[orderId].requisition);
    expect(byId[redrawId].orderDetail.map((d: Json) => d.text)).toEqual(['hba1c']);
    expect((await fhir(`/Patient/ot-${transactionId}`)).body).toMatchObject({ birthDate: '1990-04-01', name: [{ family: 'Lovelace' }] });
    expect((await fhir(`/ServiceRequest/${redrawId}`)).body.subject).toEqual({ reference: `Patient/ot-${transactionId}` });
  });

  it('another lab\'s ids are 404 OperationOutcomes; bad searches 400; the CapabilityStatement is public', async () => {
    const other = await tokenFor({ lab_id: labId + 1 });
    for (const path of [`/DiagnosticReport/${labReportId}`, `/Observation/${labReportId}-4`, `/Specimen/${registered.samples[0].specimenId}`, `/Patient/${registered.patientId}`, `/Device/${device.id}`]) {
      const res = await fhir(path, {}, other);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toContain('application/fhir+json');
      expect(res.body).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-found', diagnostics: `${path.slice(1)} not found` }] });
    }
    expect((await fhir(`/DiagnosticReport?patient=${registered.patientId}`, {}, other)).body.total).toBe(0);
    const wrongParam = await fhir('/Specimen?code=x');
    expect(wrongParam.status).toBe(400);
    // a parameter the type does not serve is refused at the edge, like any unknown field (each search documents its own)
    expect(wrongParam.body.issue[0]).toMatchObject({ code: 'invalid', diagnostics: 'property code should not exist' });
    expect((await fhir('/Observation?date=yesterday')).body.issue[0].diagnostics).toContain('date yesterday is not a FHIR date search value');
    const anonymous = await call('GET', `/fhir/R4/DiagnosticReport/${labReportId}`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'login', diagnostics: 'Invalid access token' }] });
    const metadata = await call<Json>('GET', '/fhir/R4/metadata');
    expect(metadata.status).toBe(200);
    expect(metadata.body).toMatchObject({ resourceType: 'CapabilityStatement', fhirVersion: '4.0.1', format: ['application/fhir+json'] });
    produced.set('metadata', metadata.body);
    // one route per type in the OpenAPI document (the security suites read it): reads need a bearer, definitions do not
    const paths = (await call<Json>('GET', '/docs/openapi.json')).body.paths;
    expect(paths['/fhir/R4/DiagnosticReport/{id}'].get.security?.length).toBeGreaterThan(0);
    expect(paths['/fhir/R4/metadata'].get.security ?? []).toEqual([]);
    expect(paths['/fhir/R4/StructureDefinition/{id}'].get.security ?? []).toEqual([]);
  });

  it('every resource produced above passes the HL7 reference validator with 0 errors', async () => {
    // The served StructureDefinitions are the validator's profiles: an extension they do not define, or
    // one of the wrong type, is an error. (Validating a StructureDefinition instance itself needs the
    // hl7.fhir.r4.core package from the FHIR package registry, which is not reachable here: docs/fhir.md.)
    const served = await Promise.all(['machine-flag', 'critical-value', 'replaced-value'].map(async (id) => {
      const res = await call<Json>('GET', `/fhir/R4/StructureDefinition/${id}`, { token });
      expect(res.body).toMatchObject({ resourceType: 'StructureDefinition', type: 'Extension', url: `${NS}/StructureDefinition/${id}` });
      return res.body;
    }));
    const resources = [...produced.values()];
    const [sample] = resources.filter((r) => r.resourceType === 'Observation' && r.extension);
    const broken = { ...sample, id: 'broken-check', extension: [{ url: EXT.flag, valueBoolean: true }, { url: `${NS}/StructureDefinition/not-served`, valueString: 'x' }] };
    const report = validateResources([...resources, broken], served);
    expect(report.validated).toHaveLength(resources.length + 1);
    const isError = (m: { severity: string }) => m.severity === 'error' || m.severity === 'fatal';
    const [own, check] = [report.messages.filter((m) => !m.file.includes('broken-check')), report.messages.filter((m) => m.file.includes('broken-check'))];
    expect(check.filter(isError).length).toBe(2); // the validator does fail what the served definitions do not allow
    const warnings = own.filter((m) => m.severity === 'warning');
    console.log(`FHIR validation: ${resources.length} resources (${[...new Set(resources.map((r) => r.resourceType))].join(', ')}), `
      + `${own.filter(isError).length} errors, ${warnings.length} warnings:\n${[...new Set(warnings.map((w) => w.message.replace(/#[^']*'/, "#…'")))].join('\n')}`);
    expect(own.filter(isError)).toEqual([]);
  }, 300_000);
});
