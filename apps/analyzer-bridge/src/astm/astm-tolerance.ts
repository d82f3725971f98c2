/**
 * What a vendor profile relaxes in E1381 framing. Real instruments drop the CR LF trailer, send frames
 * far longer than 240 characters, or leave out the frame number or checksum.
 */
export interface AstmTolerance {
  /** `verify` (the standard), `optional` (checked when present), `none` (the instrument never sends one). */
  checksum: 'verify' | 'optional' | 'none';
  /** `required` (the standard) or `optional` (a frame may start with its text). */
  frameNumber: 'required' | 'optional';
  /** The largest frame accepted (bytes between STX and ETB/ETX); the standard's is 241 (FN + 240). */
  maxFrameBytes: number;
  /**
   * E1381 8.2.7.1: on contention the host yields and answers the instrument's next ENQ (`standard`);
   * some instruments never send that second ENQ and wait for an answer to the first (`ack-first`).
   */
  contention: 'standard' | 'ack-first';
}

export const STANDARD_TOLERANCE: AstmTolerance = {
  checksum: 'verify', frameNumber: 'required', maxFrameBytes: 64 * 1024, contention: 'standard',
};
