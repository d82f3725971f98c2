import { DeviceWorkOrderResult, WorkOrderReport } from '@labflow/contracts';
import { parseHl7 } from '../hl7/hl7-message';
import { VendorProfile } from '../profiles/vendor-profile';
import { astmQueryAnswer } from './astm-query-answer';
import { hl7QueryAnswer } from './hl7-query-answer';

const profile = (over: Partial<VendorProfile> = {}) => Object.assign(new VendorProfile(), { name: 'p', protocol: 'astm' }, over);
const hmg = { index: 4, testName: 'hmg', name: 'Haemoglobin' };
const rbc = { index: 5, testName: 'rbc', name: 'RBC' };
const report = (over: Partial<WorkOrderReport>): WorkOrderReport => ({ labReportId: 1, testId: 2, parameters: [], mapped: [hmg, rbc], rerun: null, ...over });
const order = (reports: WorkOrderReport[], sampleKnown = true): DeviceWorkOrderResult => ({ sampleId: 'S-1', device: { id: 3, name: 'XN' }, sampleKnown, reports });
const d = { field: '|', repeat: '\\', component: '^', escape: '&' };
const now = new Date('2026-05-25T08:30:00Z');

describe('host query answers', () => {
  it('ASTM: the tests to run as O.5 repeats, action code N, report type Q, in the profile\'s component', () => {
    const records = astmQueryAnswer([{ sampleId: 'S-1', workOrder: order([report({ parameters: [hmg, rbc] })]) }], ['', '', '', 'ALL'], profile({ testNames: { HGB: 'hmg' } }), d, now);
    expect(records).toEqual([
      'H|\\^&|||LABFLOW|||||||P|LIS2-A2|20260525083000',
      'P|1',
      'O|1|S-1||^^^HGB\\^^^rbc|R||||||N||||||||||||||Q',
      'L|1|N',
    ]);
  });

  it('ASTM: an open rerun is action code A; non-default delimiters and escapes', () => {
    const bang = { field: '!', repeat: '@', component: '#', escape: '$' };
    const rerun = { rerunNumber: 1, requestedParameters: [4], receivedParameters: [] };
    const records = astmQueryAnswer([{ sampleId: 'S!1', workOrder: order([report({ parameters: [hmg], rerun })]) }], [], profile(), bang, now);
    expect(records.slice(1)).toEqual(['P!1', 'O!1!S$F$1!!###hmg!R!!!!!!A!!!!!!!!!!!!!!Q', 'L!1!N']);
  });

  it('ASTM: nothing to do → report type Y, unknown sample → Z, L.3 I; LabFlow not reachable → L.3 Q', () => {
    const nothing = astmQueryAnswer([{ sampleId: 'S-1', workOrder: order([report({})]) }, { sampleId: 'S-2', workOrder: order([], false) }], ['', '', '', 'ALL'], profile(), d, now);
    expect(nothing.slice(1)).toEqual(['P|1', 'O|1|S-1||^^^ALL|||||||||||||||||||||Y', 'P|2', 'O|1|S-2||^^^ALL|||||||||||||||||||||Z', 'L|1|I']);
    expect(astmQueryAnswer([{ sampleId: 'S-1', workOrder: null }], [], profile(), d, now).slice(1)).toEqual(['L|1|Q']);
  });

  it('HL7: RSP^K11 with QAK OK and ORC/OBR per test, or NF', () => {
    const query = parseHl7('MSH|^~\\&|SIM|LAB|LIS|LAB|20260525083000||QBP^Q11^QBP_Q11|Q-1|P|2.5.1\rQPD|WOS^Work Order Step^IHE_LABTF|T1|S-1\rRCP|I\r');
    const found = hl7QueryAnswer(query, [{ sampleId: 'S-1', workOrder: order([report({ parameters: [hmg] })]) }], profile({ protocol: 'hl7' }), 'C9', now).split('\r');
    expect(found).toEqual([
      'MSH|^~\\&|LIS|LAB|SIM|LAB|20260525083000||RSP^K11^RSP_K11|C9|P|2.5.1', 'MSA|AA|Q-1|', 'QAK|T1|OK|WOS^Work Order Step^IHE_LABTF',
      'QPD|WOS^Work Order Step^IHE_LABTF|T1|S-1', 'SPM|1|S-1', 'ORC|NW|S-1', 'OBR|1||S-1|hmg', '',
    ]);
    const none = hl7QueryAnswer(query, [{ sampleId: 'S-1', workOrder: order([]) }], profile({ protocol: 'hl7' }), 'C9', now).split('\r');
    expect(none.slice(1, 3)).toEqual(['MSA|AA|Q-1|', 'QAK|T1|NF|WOS^Work Order Step^IHE_LABTF']);
  });
});
