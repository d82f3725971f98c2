import { astmChecksum, encodeFrame, frameMessage, nextFrameNumber } from './astm-frame';

describe('E1381 frames', () => {
  it('checksums the bytes from FN through ETX as two upper-case hex digits', () => {
    // "1H|\^&" + CR + ETX: 0x31+0x48+0x7C+0x5C+0x5E+0x26+0x0D+0x03 = 0x1E5 → E5
    expect(astmChecksum(Buffer.from('1H|\\^&\r\x03', 'latin1'))).toBe('E5');
    expect(astmChecksum([0x01, 0x02])).toBe('03');
  });

  it('encodes STX FN text ETX CS CR LF', () => {
    expect(encodeFrame(1, 'H|\\^&\r', true).toString('latin1')).toBe('\x021H|\\^&\r\x03E5\r\n');
    expect(encodeFrame(2, 'abc', false)[5]).toBe(0x17);
  });

  it('numbers frames 1..7 then 0', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(nextFrameNumber)).toEqual([2, 3, 4, 5, 6, 7, 0]);
    expect(nextFrameNumber(0)).toBe(1);
  });

  it('splits a record longer than 240 characters into ETB frames ending with ETX', () => {
    const frames = frameMessage(['H|\\^&', `R|1|${'x'.repeat(300)}`, 'L|1|N']);
    expect(frames.map((f) => f.toString('latin1')[1])).toEqual(['1', '2', '3', '4']);
    expect(frames.map((f) => f[f.length - 5])).toEqual([0x03, 0x17, 0x03, 0x03]);
    expect(frames[1].length - 7).toBe(240);
  });
});
