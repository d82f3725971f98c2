import { plainToInstance } from 'class-transformer';
import { VendorProfile } from '../profiles/vendor-profile';
import { buildAck, buildRejectWithoutHeader } from './hl7-ack';
import { escapeHl7, Hl7ParseError, parseHl7, unescapeHl7 } from './hl7-message';
import { messageTypeOf, readHl7Message } from './hl7-message-reader';
import { MllpDecoder, mllpFrame } from './mllp-decoder';

const profile = (extra: object = {}) => plainToInstance(VendorProfile, { name: 'hl7', protocol: 'hl7', ...extra });

const ORU = [
  'MSH|^~\\&|ANALYZER|LAB|LIS|HOSP|20260525083000||ORU^R01^ORU_R01|MSG0001|P|2.5.1',
  'PID|1||PID-7||Rao^Asha',
  'OBR|1|ORD-1|S-200|CBC^Blood count',
  'OBX|1|NM|HGB^Haemoglobin^LN||6.4|g/dL|12.0-16.0|LL~A|||F',
  'NTE|1||checked twice',
  'OBX|2|NM|WBC^Leukocytes||12.1|10*3/uL|4.0-10.0|H|||C',
  'OBX|3|IS|FLAG^Instrument flag||Blasts?||||||F',
].join('\r');

const OUL = [
  'MSH|^~\\&|ANALYZER|LAB|LIS|HOSP|20260525083000||OUL^R22^OUL_R22|MSG0002|P|2.5.1',
  'PID|1||PID-8',
  'SPM|1|S-300&LAB^F-300||BLD|||||||P',
  'OBR|1|||GLU^Glucose',
  'OBX|1|NM|GLU^Glucose||5.4|mmol/L|3.9-6.1|N|||F',
  'SPM|2|QC-LOT7||BLD|||||||Q',
  'OBR|1|||GLU^Glucose',
  'OBX|1|NM|GLU^Glucose||5.0|mmol/L||N|||F',
].join('\r');

describe('MLLP framing', () => {
  it('extracts VT … FS CR blocks across chunks, with or without the trailing CR', () => {
    const sut = new MllpDecoder();
    const wire = Buffer.concat([mllpFrame('MSH|A'), Buffer.from('\x0bMSH|B\x1c', 'latin1')]);
    const events = [...sut.push(wire.subarray(0, 4)), ...sut.push(wire.subarray(4))];
    expect(events.map((e) => (e.kind === 'message' ? e.bytes.toString('latin1') : e.kind))).toEqual(['MSH|A', 'MSH|B']);
  });

  it('reports bytes outside a block and a block that never ended', () => {
    const sut = new MllpDecoder();
    const events = sut.push(Buffer.from('junk\x0bMSH|A\x0bMSH|B\x1c\r', 'latin1'));
    expect(events.map((e) => e.kind)).toEqual(['discarded', 'discarded', 'message']);
  });

  it('discards a message over the size limit', () => {
    const sut = new MllpDecoder(10);
    expect(sut.push(Buffer.from('\x0bMSH|0123456789\x1c\r', 'latin1')).map((e) => e.kind)).toEqual(['discarded']);
  });

  it('says when a block is half received (a drain waits for its end)', () => {
    const sut = new MllpDecoder();
    expect(sut.midMessage).toBe(false);
    sut.push(Buffer.from('\x0bMSH|A', 'latin1'));
    expect(sut.midMessage).toBe(true);
    sut.push(Buffer.from('\x1c\r', 'latin1'));
    expect(sut.midMessage).toBe(false);
  });
});

describe('HL7 v2 parsing', () => {
  it('numbers MSH fields from the separator and reads the type and control id', () => {
    const sut = parseHl7(ORU);
    const msh = sut.segment('MSH')!;
    expect(msh.fieldText(1)).toBe('|');
    expect(msh.fieldText(2)).toBe('^~\\&');
    expect(msh.component(3)).toBe('ANALYZER');
    expect(msh.component(10)).toBe('MSG0001');
    expect(messageTypeOf(sut)).toBe('ORU^R01');
  });

  it('reads the delimiters from MSH-1/MSH-2: custom ones split the same way', () => {
    const sut = parseHl7('MSH#*@!$#A#B\rOBX#1#NM#HGB*Hb##6.4#g!F!dL$sub##L@A');
    const obx = sut.segment('OBX')!;
    expect(obx.component(3, 2)).toBe('Hb');
    expect(obx.componentOfRepeats(8)).toEqual(['L', 'A']);
    expect(obx.component(6)).toBe('g#dL'); // ! is the escape (!F! the field separator), $ the subcomponent
  });

  it('unescapes \\F\\ \\S\\ \\T\\ \\R\\ \\E\\ and hex', () => {
    const d = parseHl7(ORU).delimiters;
    expect(unescapeHl7('a\\F\\b\\S\\c\\T\\d\\R\\e\\E\\f\\X41\\', d)).toBe('a|b^c&d~e\\fA');
    expect(escapeHl7('a|b^c&d~e\\f', d)).toBe('a\\F\\b\\S\\c\\T\\d\\R\\e\\E\\f');
  });

  it('refuses text without an MSH', () => {
    expect(() => parseHl7('PID|1')).toThrow(Hl7ParseError);
  });
});

describe('ORU^R01 and OUL^R22 results', () => {
  it('ORU^R01: OBR-3 is the sample, OBX code/value/units/range/flags (repeats)/status, NTE, IS as a report flag', () => {
    const sut = readHl7Message(parseHl7(ORU), profile());
    expect(sut).toMatchObject({ controlId: 'MSG0001', messageType: 'ORU^R01' });
    expect(sut.samples).toEqual([{
      sampleId: 'S-200', qc: false, comments: [], reportFlags: ['Blasts?'],
      results: [
        { code: 'HGB', value: '6.4', units: 'g/dL', range: '12.0-16.0', flags: ['LL', 'A'], status: 'F', comments: ['checked twice'] },
        { code: 'WBC', value: '12.1', units: '10*3/uL', range: '4.0-10.0', flags: ['H'], status: 'C', comments: [] },
      ],
    }]);
  });

  it('OUL^R22: SPM-2 is the sample (first subcomponent); a control specimen role (SPM-11 Q) is QC', () => {
    const sut = readHl7Message(parseHl7(OUL), profile());
    expect(sut.samples.map((s) => [s.sampleId, s.qc, s.results.map((r) => r.value)])).toEqual([
      ['S-300', false, ['5.4']],
      ['QC-LOT7', true, ['5.0']],
    ]);
  });

  it('follows a profile that takes the sample from OBR-2 and the code from OBX-3.2', () => {
    const sut = readHl7Message(parseHl7(ORU), profile({ hl7: { sampleId: ['OBR-2.1'], testCode: 'OBX-3.2' } }));
    expect(sut.samples[0].sampleId).toBe('ORD-1');
    expect(sut.samples[0].results.map((r) => r.code)).toEqual(['Haemoglobin', 'Leukocytes']);
  });
});

describe('HL7 ACK', () => {
  const now = new Date('2026-05-25T08:30:01Z');

  it('AA echoes the control id, swaps sender and receiver', () => {
    const ack = buildAck(parseHl7(ORU), 'AA', '', 'ACK-1', now);
    expect(ack).toBe('MSH|^~\\&|LIS|HOSP|ANALYZER|LAB|20260525083001||ACK^R01^ACK|ACK-1|P|2.5.1\rMSA|AA|MSG0001|\r');
  });

  it('AE and AR carry the reason in MSA-3 and ERR, escaped, in the message\'s own delimiters', () => {
    const ae = parseHl7(buildAck(parseHl7(ORU), 'AE', 'Sample not found | S-200', 'ACK-2', now));
    expect(ae.segment('MSA')!.component(1)).toBe('AE');
    expect(ae.segment('MSA')!.component(2)).toBe('MSG0001');
    expect(ae.segment('MSA')!.component(3)).toBe('Sample not found | S-200');
    expect(ae.segment('ERR')!.component(3, 1)).toBe('207');
    const custom = buildAck(parseHl7('MSH#*@!$#A#B#C#D#T##ORU*R01#9#P#2.5'), 'AR', 'no', 'X', now);
    expect(custom.startsWith('MSH#*@!$#C#D#A#B#')).toBe(true);
    expect(custom).toContain('\rMSA#AR#9#no\r');
  });

  it('answers unreadable bytes with AR', () => {
    expect(buildRejectWithoutHeader('no MSH | here', 'X', now)).toContain('MSA|AR||no MSH   here');
  });
});
