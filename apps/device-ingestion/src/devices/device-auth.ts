import { createHash, randomUUID } from 'node:crypto';

/** seed 002 shows deviceAuth as a UUID; we keep that form and store only its SHA-256. */
export function newDeviceAuth(): string {
  return randomUUID();
}

export function hashDeviceAuth(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
