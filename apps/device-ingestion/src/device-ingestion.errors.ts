import { errorTable } from '@labflow/platform/handling';

/** The device-ingestion app's one error table: each code's status and message (seed 002's where it names one). */
export const DEVICE_ERRORS = errorTable({
  LAB_MISMATCH: { status: 403, message: 'A device can only be registered for your own lab' },
  DEVICE_NOT_FOUND: { status: 404, message: 'Device not found' },
  INVALID_DEVICE_AUTH: { status: 401, message: 'Invalid device authentication' },
  SAMPLE_NOT_FOUND: { status: 404, message: 'Sample not found' },
  UNKNOWN_TEST_NAME: { status: 400, message: (index: string, testName: string) => `data.values.${index}.testName ${testName} is not mapped on this device` },
  NOTHING_TO_FILL: { status: 422, message: (sampleId: string) => `No test of sample ${sampleId} is mapped on this device` },
  DUPLICATE_NOT_READABLE: { status: 503, message: 'Service temporarily unavailable, try again' },
  MAPPING_FUNCTION_UNKNOWN: { status: 500, message: (testId: string, name: string) => `Device mapping of test ${testId} uses unknown function ${name}` },
  UNKNOWN_MAPPING_FUNCTION: { status: 400, message: (name: string, known: string) => `Unknown mapping function ${name} (known: ${known})` },
  UNKNOWN_TEST_PARAMETER: { status: 400, message: (i: string, index: string) => `parameters.${i}.index ${index} is not a parameter of this test` },
  CONNECTION_NOT_FOUND: { status: 404, message: 'No connection is registered for this device' },
  CONNECTION_ADDRESS_TAKEN: {
    status: 409, message: (address: string, bridge: string, deviceId: string) => `${address} of bridge ${bridge} is already the connection of device ${deviceId}`,
  },
  /** A mapping's own inconsistency (a repeated code or index, a flag code outside HL7 Table 0078), as the validation pipe words it. */
  VALIDATION_FAILED: { status: 400, message: (problem: string) => problem },
});

export const deviceError = DEVICE_ERRORS.error;
