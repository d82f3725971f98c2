import { plainToInstance } from 'class-transformer';
import { VendorProfile } from '../profiles/vendor-profile';
import { encodeFrame } from './astm-frame';
import { ReadFrame } from './astm-frame-reader';
import { AstmMessageAssembler } from './astm-message-assembler';
import { readAstmMessage } from './astm-message-reader';

const frame = (text: string, final = true, frameNumber = 1): ReadFrame => ({ frameNumber, text, final });
const profile = (extra: object = {}) => plainToInstance(VendorProfile, { name: 'test', protocol: 'astm', ...extra });

const CHEMISTRY = [
  'H|\\^&|||CHEM^2.1|||||LIS||P|1',
  'P|1||PID-7||Rao^Asha',
  'O|1|S-100^01^3||^^^GLU\\^^^K|R||||||N||||||||||||||F',
  'R|1|^^^GLU^Glucose|5.4|mmol/L|3.9-6.1|H\\A||F',
  'C|1|I|hemolysed^slightly|G',
  'R|2|^^^K|4.1|mmol/L|3.5-5.1|N||F',
  'L|1|N',
];

describe('AstmMessageAssembler', () => {
  it('joins a record split across ETB frames and ends the message at L', () => {
    const sut = new AstmMessageAssembler();
    expect(sut.push(frame('H|\\^&\r'))).toEqual([]);
    expect(sut.push(frame('O|1|S-1||^^^G', false))).toEqual([]);
    expect(sut.completes(frame('LU\rL|1\r'))).toBe(true);
    const [message] = sut.push(frame('LU\rL|1\r'));
    expect(message.records.map((r) => r.type)).toEqual(['H', 'O', 'L']);
    expect(message.records[1].component(5, 4)).toBe('GLU');
    expect(message.text).toBe('H|\\^&\rO|1|S-1||^^^GLU\rL|1\r');
  });

  it('keeps an unrecognised record in the message for the logs', () => {
    const sut = new AstmMessageAssembler();
    const [message] = sut.push(frame('H|\\^&\rZZ|1\rL|1\r'));
    expect(message.unparsed).toEqual(['ZZ|1']);
  });

  it('flushes a message the instrument ended with EOT but no L', () => {
    const sut = new AstmMessageAssembler();
    sut.push(frame('H|\\^&\rO|1|S-2\r'));
    expect(sut.flush()?.records.map((r) => r.type)).toEqual(['H', 'O']);
    expect(sut.flush()).toBeNull();
  });

  it('uses each message\'s own delimiters', () => {
    const sut = new AstmMessageAssembler();
    sut.push(frame('H!@#$\rO!1!S-3\rL!1\r'));
    const [message] = sut.push(frame('H|\\^&\rO|1|S-4\rL|1\r'));
    expect(message.records[1].component(3)).toBe('S-4');
  });

  it('also accepts one frame per record as encoded on the wire', () => {
    const sut = new AstmMessageAssembler();
    const messages = CHEMISTRY.flatMap((r, i) => {
      const wire = encodeFrame((i + 1) % 8, `${r}\r`, true).toString('latin1');
      return sut.push(frame(wire.slice(2, -5), true));
    });
    expect(messages).toHaveLength(1);
    expect(messages[0].records).toHaveLength(7);
  });
});

describe('readAstmMessage (standard profile)', () => {
  const read = (lines: string[], p = profile()) => {
    const [message] = new AstmMessageAssembler().push(frame(lines.map((l) => `${l}\r`).join('')));
    return readAstmMessage(message.records, p);
  };

  it('turns the R records of an order into one sample\'s results with units, range, flags, status and comments', () => {
    const sut = read(CHEMISTRY);
    expect(sut.samples).toEqual([{
      sampleId: 'S-100', qc: false, reportFlags: [], comments: [],
      results: [
        { code: 'GLU', value: '5.4', units: 'mmol/L', range: '3.9-6.1', flags: ['H', 'A'], status: 'F', comments: ['hemolysed slightly'] },
        { code: 'K', value: '4.1', units: 'mmol/L', range: '3.5-5.1', flags: ['N'], status: 'F', comments: [] },
      ],
    }]);
  });

  it('marks a QC order (action code Q) and the profile\'s QC sample ids', () => {
    const qc = read(['H|\\^&', 'O|1|CTRL-1||^^^GLU|||||||Q', 'R|1|^^^GLU|5.0', 'L|1']);
    expect(qc.samples[0].qc).toBe(true);
    const byName = read(['H|\\^&', 'O|1|QC-LOT7||^^^GLU', 'R|1|^^^GLU|5.0', 'L|1'], profile({ qc: { sampleIdPattern: '^QC-' } }));
    expect(byName.samples[0].qc).toBe(true);
  });

  it('follows a vendor layout: code in component 1, value flag in component 2, sample id in O.4', () => {
    const vendor = profile({
      astm: { orderSampleId: '4.1', resultTestCode: '3.1', resultValueFlag: '4.2' },
      reportFlags: { codes: ['Blasts?', 'Left_Shift?'], text: 'code' },
    });
    const sut = read(['H|\\^&', 'O|1||S-9^A1', 'R|1|WBC^^^|12.1^H|10*3/uL', 'R|2|Blasts?|1', 'R|3|Left_Shift?|1', 'L|1'], vendor);
    expect(sut.samples[0]).toMatchObject({
      sampleId: 'S-9', reportFlags: ['Blasts?', 'Left_Shift?'],
      results: [{ code: 'WBC', value: '12.1', flags: ['H'], units: '10*3/uL' }],
    });
  });

  it('reads a Q record\'s sample ids', () => {
    const sut = read(['H|\\^&', 'Q|1|^S-100\\^S-101||^^^ALL||||||||O', 'L|1']);
    expect(sut.queries).toEqual([{ sampleIds: ['S-100', 'S-101'], requestedTest: ['', '', '', 'ALL'] }]);
  });

  it('with custom delimiters and escapes reads the same results', () => {
    const sut = read(['H!@#$', 'O!1!S-5', 'R!1!###NA$S$K!140!mmol$F$L', 'L!1']);
    expect(sut.samples[0].results[0]).toMatchObject({ code: 'NA#K', value: '140', units: 'mmol!L' });
  });
});
