import { FhirResource } from './fhir-types';
import { SYSTEMS } from './fhir-codes';
import { billRequestId } from './observation.mapper';
import { SpecimenState } from './read-model';

/** A sample (tube) of a bill as a Specimen: collected at registration, received per seed 003. */
export function toSpecimen(s: SpecimenState): FhirResource {
  return {
    resourceType: 'Specimen',
    id: s.specimenId,
    identifier: [{ system: SYSTEMS.sample, value: s.sampleId }],
    accessionIdentifier: { system: SYSTEMS.sample, value: s.sampleId },
    status: 'available',
    subject: { reference: `Patient/${s.patientId}` },
    ...(s.receivedTime ? { receivedTime: s.receivedTime } : {}),
    ...(s.labReportIds.length ? { request: [...s.labReportIds].sort((a, b) => a - b).map((id) => ({ reference: `ServiceRequest/${billRequestId(id)}` })) } : {}),
    collection: { collectedDateTime: s.collectedAt },
  };
}
