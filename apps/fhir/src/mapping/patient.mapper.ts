import { OrderPatient } from '@labflow/contracts';
import { FhirResource } from './fhir-types';
import { SYSTEMS } from './fhir-codes';
import { DeviceState, PatientState } from './read-model';

/** A registered patient: identifier, name, birth date, gender (nothing else is known to LabFlow). */
export function toPatient(p: PatientState): FhirResource {
  return {
    resourceType: 'Patient',
    id: p.patientId,
    identifier: [{ system: SYSTEMS.patient, value: p.patientId }],
    name: [humanName(p.name)],
    gender: p.gender,
    ...(p.birthDate ? { birthDate: p.birthDate } : {}),
  };
}

/** An order's patient (seed 004 patient_details); one per order transaction, so the redraw shares it. */
export function orderPatientId(transactionId: string): string {
  return `ot-${transactionId}`;
}

export function toOrderPatient(transactionId: string, p: OrderPatient): FhirResource {
  return {
    resourceType: 'Patient',
    id: orderPatientId(transactionId),
    identifier: [{ system: SYSTEMS.orderTransaction, value: transactionId }],
    name: [{ text: `${p.firstName} ${p.lastName}`, family: p.lastName, given: [p.firstName] }],
    gender: p.gender,
    birthDate: p.dob,
  };
}

/** "Asha Rao" → given Asha, family Rao; the full text is kept as registered. */
export function humanName(full: string): { text: string; family?: string; given?: string[] } {
  const parts = full.trim().split(/\s+/).filter(Boolean);
  if (parts.length < 2) return { text: full };
  return { text: full, family: parts[parts.length - 1], given: parts.slice(0, -1) };
}

export function toDevice(d: DeviceState): FhirResource {
  return {
    resourceType: 'Device',
    id: String(d.deviceId),
    identifier: [{ system: SYSTEMS.device, value: String(d.deviceId) }],
    status: 'active',
    deviceName: [{ name: d.name, type: 'user-friendly-name' }],
  };
}
