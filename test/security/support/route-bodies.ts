import { cbcFormat } from '../../e2e/lab-fixtures';
import { LabWorld } from './lab-world';

/** The ids of one lab a request can name (a real lab's, or ids nobody has). */
export type LabIds = Omit<LabWorld, 'token' | 'claims'>;

/**
 * A valid body per write route, so the request reaches the tenancy check rather than validation.
 * `caller` is the lab whose token sends it (its own ids where the contract wants the caller's, e.g.
 * a rerun request's lab_id); `target` holds the ids the request names. Where a body could do harm
 * it does (a party made NOT_VERIFIED, a received time set), so a leak shows in the stores.
 */
export const BODIES: Record<string, (caller: LabIds, target: LabIds) => unknown> = {
  'POST /api-v3/devices': () => ({ name: 'Mindray BC-6800' }),
  'POST /v3/order': () => ({
    patient_details: { first_name: 'Ada', last_name: 'Lovelace', dob: '1990-04-01', gender: 'female' }, biomarkers: ['glucose'], lab: 'quest', walk_in: true,
  }),
  'POST /v3/webhooks': () => ({ url: 'http://127.0.0.1:9/hooks', event_types: ['labtest.order.created'] }),
  'POST /reporting/report-format/create': () => cbcFormat({ enable_device_flags: true, testName: 'CBC 2' }),
  'POST /api-v3/registrations': (caller) => ({
    patient: { name: 'Ravi Rao', dateOfBirth: '2016-01-01', gender: 'male' }, bill: { doctorId: 21, organizationId: 4 },
    samples: [{ sampleId: `R${caller.labId}`, collectedAt: new Date(Date.now() - 3600_000).toISOString() }], tests: [{ testId: caller.testId, sampleId: `R${caller.labId}` }],
  }),
  'POST /dataPartialFromDevice': (caller) => ({
    labId: caller.labId, sampleId: caller.sampleId, deviceAuth: caller.deviceAuth, test_flags: ['Abnormal'],
    data: { values: [{ testName: 'HGB', value: 13.3, param_flags: ['N'] }] }, device_extra_data: { rack: 1 },
  }),
  'POST /api-v3/devices/work-order': (caller) => ({ labId: caller.labId, sampleId: caller.sampleId, deviceAuth: caller.deviceAuth }),
  'POST /operation/critical-callout': (caller) => ({ lab_report_ids: [caller.labReportId] }),
  'POST /api-v3/devices/{id}/mappings': (caller) => ({ testId: caller.testId, functionName: 'PartialFill', parameters: [{ testName: 'XX', index: 4 }] }),
  'PUT /api-v3/devices/{id}/connection': () => ({ protocol: 'astm', port: 5100, profile: 'astm-lis2-a2' }),
  'POST /api-v3/devices/connection': (caller) => ({ labId: caller.labId, deviceAuth: caller.deviceAuth }),
  'PATCH /api/patients/{patientId}/specimens/{id}/actions': () => ({ received_time: new Date(Date.now() - 30 * 60 * 1000).toISOString() }),
  'PUT /api/patients/{patientId}/specimens/{id}/status': () => ({ status: 'entered_in_error' }),
  'PUT /api/parties/{partyId}': () => ({ verification_status: 'NOT_VERIFIED', updated_at: '2020-01-01T00:00:00.000Z' }),
  'PUT /api/legal-entities/{clientId}': () => ({ status: 'SUSPENDED' }),
  'POST /v3/lab/orders/{orderId}/status': () => ({ status: 'sample_received' }),
  'POST /v3/lab/orders/{orderId}/results': () => ({
    final: true, results: [{ biomarker: 'glucose', result: '500', unit: 'mg/dL' }, { biomarker: 'hba1c', missing_reason: 'lab_error' }],
  }),
  'POST /reporting/report-format/{testId}/update': () => cbcFormat({ enable_device_flags: false, testName: 'Hijacked' }),
  'POST /report/{billId}/critical/callout': (_caller, target) => ({
    status: 'done', lab_report_ids: [target.labReportId], recipients: ['Doctor'], communication_methods: ['phone'], contacted_person: 'Dr. Nobody', read_back: true,
  }),
  'PUT /api-v3/lab-users/{userId}/departments': () => ({ department_ids: [99] }),
  'POST /api-v3/sample-rerun/{labReportId}/request': (caller) => ({
    type: 'Manual', rerun_number: '1', requested_parameters: '[4]', parameter_names: ['Haemoglobin'], is_active: true, lab_id: caller.labId,
  }),
  'POST /api-v3/sample-rerun/{labReportId}/new': (caller, target) => ({
    lab_id: caller.labId, sample_id: target.sampleId, device_id: '42', device_name: 'Sysmex XN-1000', rerun_type: 'manual_rerun', rerun_number: 1,
    device_data: [{ index: 4, value: '13.1', parameter_name: 'Haemoglobin' }],
  }),
  'POST /api-v3/sample-rerun/{labReportId}/confirm': () => ({ rerun_confirmed_data: [{ value: '13.1', index: 4, parameter_name: 'Haemoglobin' }] }),
  'POST /api-v3/sample-rerun/{labReportId}/auto': () => ({ device_data: [{ index: 4, value: 5 }] }),
  'PUT /api-v3/verification/rule-sets/{testId}': () => ({ parameters: [{ index: 4 }], blockingParamFlags: ['A'], blockingTestFlags: [] }),
  'POST /api-v3/verification/rule-sets/{testId}/dry-run': () => ({ days: 1 }),
  'PUT /api-v3/verification/devices/{deviceId}/qc-hold': () => ({ reason: 'QC failed' }),
  'POST /api-v3/verification/lab-reports/{labReportId}/release': () => ({ comment: 'released' }),
  'POST /api-v3/verification/lab-reports/{labReportId}/reject': () => ({ comment: 'rejected', rerun: true }),
};
