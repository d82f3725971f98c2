import {
  AbortRerunInput, CriticalLogsQuery, DeviceIdParam, FhirSearchQuery, CriticalRecordsQuery, DeviceMappingInput, DeviceResultsValidationQuery, GetJobInput,
  GetSpecimenInput, LabUserDepartmentsInput, OrderIdInput, OrderTransactionIdInput, PatientReportsQuery, ReportEntryQuery,
  UpdateReportFormatInput, UpsertLegalEntityInput, UpsertPartyInput, WebhookEndpointIdInput,
} from '@labflow/contracts';
import type { ValidatedClass } from './openapi-constraints';

/**
 * Each path and query parameter of the gateway and the input property the owning service validates
 * it as: `<path> <name>` where one name means different things on different paths, else `<name>`.
 * The document takes that property's constraints (uuid, integer, minimum, maxLength…); a parameter
 * missing here is named by the gateway's OpenAPI spec.
 */
export const PARAMETER_SOURCES: Record<string, [ValidatedClass, string]> = {
  '/api-v3/devices/{id}/mappings id': [DeviceMappingInput, 'deviceId'],
  '/api-v3/devices/{id}/connection id': [DeviceIdParam, 'deviceId'],
  '/api/patients/{patientId}/specimens/{id} id': [GetSpecimenInput, 'id'],
  '/api/patients/{patientId}/specimens/{id}/actions id': [GetSpecimenInput, 'id'],
  '/api/patients/{patientId}/specimens/{id}/status id': [GetSpecimenInput, 'id'],
  patientId: [GetSpecimenInput, 'patientId'],
  jobId: [GetJobInput, 'jobId'],
  partyId: [UpsertPartyInput, 'partyId'],
  clientId: [UpsertLegalEntityInput, 'clientId'],
  orderId: [OrderIdInput, 'orderId'],
  transactionId: [OrderTransactionIdInput, 'transactionId'],
  endpointId: [WebhookEndpointIdInput, 'endpointId'],
  testId: [UpdateReportFormatInput, 'testId'],
  '/getReportFormatForTestEntry labReportId': [ReportEntryQuery, 'labReportId'],
  isSigned: [ReportEntryQuery, 'isSigned'],
  '/api-v3/patient/{labReportId}/all-reports labReportId': [PatientReportsQuery, 'labReportId'],
  labReportId: [AbortRerunInput, 'labReportId'],
  deviceId: [DeviceResultsValidationQuery, 'deviceId'],
  startDate: [DeviceResultsValidationQuery, 'startDate'],
  endDate: [DeviceResultsValidationQuery, 'endDate'],
  report_ids: [CriticalLogsQuery, 'report_ids'],
  billId: [CriticalRecordsQuery, 'billId'],
  userId: [LabUserDepartmentsInput, 'userId'],
  _count: [FhirSearchQuery, '_count'],
  _offset: [FhirSearchQuery, '_offset'],
};
