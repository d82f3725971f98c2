import { DeviceUpload } from './device-upload';

/** device-ingestion's refusal of a test name the device has no mapping for (`UNKNOWN_TEST_NAME`). */
const UNMAPPED = /testName (.+) is not mapped on this device$/;

export function unmappedTestNameOf(code: string, message: string): string | null {
  if (code !== 'UNKNOWN_TEST_NAME') return null;
  return UNMAPPED.exec(message)?.[1] ?? null;
}

/**
 * A code the lab did not map must not make the upload fail, nor be dropped: its values move to
 * device_extra_data.unmapped (which the stored device result keeps) and the rest is sent again.
 * Null when nothing would be left to send.
 */
export function withoutTestName(upload: DeviceUpload, testName: string): DeviceUpload | null {
  const moved = upload.data.values.filter((v) => v.testName === testName);
  const values = upload.data.values.filter((v) => v.testName !== testName);
  if (moved.length === 0 || values.length === 0) return null;
  const unmapped = [...((upload.device_extra_data.unmapped as unknown[] | undefined) ?? []), ...moved];
  return { ...upload, data: { values }, device_extra_data: { ...upload.device_extra_data, unmapped } };
}

/** A payload changed by the bridge is a new request: its own Idempotency-Key, still stable across retries. */
export function idempotencyKeyOf(uploadId: string, upload: DeviceUpload): string {
  const unmapped = (upload.device_extra_data.unmapped as unknown[] | undefined)?.length ?? 0;
  return unmapped === 0 ? uploadId : `${uploadId}-u${unmapped}`;
}
