import { CR, ETB, ETX, LF, STX } from '../link/control-characters';

/** E1381 6.3.2: frame numbers run 1..7, then 0, 1, ... (modulo 8), starting at 1 in each transmission. */
export const nextFrameNumber = (frameNumber: number): number => (frameNumber + 1) % 8;

/** The standard's largest frame text: 240 characters (a record longer than that is split across ETB frames). */
export const MAX_FRAME_TEXT = 240;

/** E1381 6.3.3: the sum of the bytes from the frame number through ETB/ETX, modulo 256, as two upper-case hex digits. */
export function astmChecksum(bytes: Iterable<number>): string {
  let sum = 0;
  for (const b of bytes) sum = (sum + b) % 256;
  return sum.toString(16).toUpperCase().padStart(2, '0');
}

/** One frame: STX FN text ETB|ETX C1 C2 CR LF. */
export function encodeFrame(frameNumber: number, text: string, final: boolean): Buffer {
  const body = Buffer.from(`${frameNumber}${text}`, 'latin1');
  const terminator = final ? ETX : ETB;
  const checksum = astmChecksum([...body, terminator]);
  return Buffer.concat([Buffer.from([STX]), body, Buffer.from([terminator]), Buffer.from(checksum, 'latin1'), Buffer.from([CR, LF])]);
}

/** Splits a message's records (each ends with CR) into frames of at most `maxText` characters; the last is ETX. */
export function frameMessage(records: readonly string[], maxText = MAX_FRAME_TEXT): Buffer[] {
  const frames: Buffer[] = [];
  let frameNumber = 1;
  for (const record of records) {
    const text = `${record}\r`;
    for (let start = 0; start < text.length; start += maxText) {
      const chunk = text.slice(start, start + maxText);
      frames.push(encodeFrame(frameNumber, chunk, start + maxText >= text.length));
      frameNumber = nextFrameNumber(frameNumber);
    }
  }
  return frames;
}
