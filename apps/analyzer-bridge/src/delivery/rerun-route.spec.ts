import { DeviceWorkOrderResult } from '@labflow/contracts';
import { DeviceUpload } from '../results/device-upload';
import { routeOf } from './rerun-route';

const hmg = { index: 4, testName: 'hmg', name: 'Haemoglobin' };
const rbc = { index: 5, testName: 'rbc', name: 'RBC' };
const upload = (statuses: [string, string]): DeviceUpload => ({
  labId: 7, sampleId: 'S-1', test_flags: [],
  data: { values: [{ testName: 'hmg', value: 14.2, param_flags: [] }, { testName: 'rbc', value: 5.1, param_flags: ['H'] }] },
  device_extra_data: { results: [{ testName: 'hmg', status: statuses[0] }, { testName: 'rbc', status: statuses[1] }] },
});
const workOrder = (rerun: DeviceWorkOrderResult['reports'][number]['rerun']): DeviceWorkOrderResult => ({
  sampleId: 'S-1', device: { id: 3, name: 'XN' }, sampleKnown: true,
  reports: [{ labReportId: 11, testId: 2, parameters: [], mapped: [hmg, rbc], rerun }],
});

describe('rerun routing', () => {
  it('a final result without an open rerun is a first fill', () => {
    const u = upload(['F', 'F']);
    expect(routeOf(u, workOrder(null), 'astm')).toEqual({ reruns: [], firstFill: u });
  });

  it('with a rerun open, its requested parameters go to /new with its number; the rest is a first fill', () => {
    const route = routeOf(upload(['F', 'F']), workOrder({ rerunNumber: 2, requestedParameters: [4], receivedParameters: [] }), 'astm');
    expect(route.reruns).toEqual([{ labReportId: 11, body: {
      lab_id: 7, sample_id: 'S-1', device_id: '3', device_name: 'XN', rerun_type: 'manual_rerun', rerun_number: 2, lab_report_id: 11,
      device_data: [{ index: 4, value: 14.2, parameter_name: 'Haemoglobin' }],
    } }]);
    expect(route.firstFill?.data.values.map((v) => v.testName)).toEqual(['rbc']);
  });

  it('a correction (C) or an ASTM repeat (R) without a rerun is instrument triggered (-1); HL7 R is not a repeat', () => {
    const route = routeOf(upload(['F', 'C']), workOrder(null), 'astm');
    expect(route.reruns[0].body).toMatchObject({ rerun_number: -1, rerun_type: 'instrument_rerun', device_data: [{ index: 5, value: 5.1, parameter_name: 'RBC' }] });
    expect(routeOf(upload(['R', 'R']), workOrder(null), 'astm').firstFill).toBeNull();
    expect(routeOf(upload(['R', 'R']), workOrder(null), 'hl7').reruns).toEqual([]);
  });
});
