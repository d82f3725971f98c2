import { FHIR_READ_TYPES } from '@labflow/contracts';
import { FhirResource } from './fhir-types';
import { EXTENSIONS } from './fhir-codes';

interface SearchParam { name: string; type: 'token' | 'reference' | 'date' | 'string' | 'number' }

/** What GET /fhir/R4/<Type> accepts, per type (the REST layer reads the same table). */
export const SEARCH_PARAMETERS: Record<string, SearchParam[]> = {
  DiagnosticReport: [{ name: 'patient', type: 'reference' }, { name: 'date', type: 'date' }, { name: 'status', type: 'token' }, { name: 'code', type: 'token' }],
  Observation: [{ name: 'patient', type: 'reference' }, { name: 'code', type: 'token' }, { name: 'date', type: 'date' }],
  Specimen: [{ name: 'patient', type: 'reference' }],
  ServiceRequest: [{ name: 'requisition', type: 'token' }],
};

/** GET /fhir/R4/metadata. */
export function capabilityStatement(softwareVersion: string): FhirResource {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2026-12-06',
    publisher: 'LabFlow',
    kind: 'instance',
    software: { name: 'LabFlow FHIR read model', version: softwareVersion },
    implementation: { description: 'LabFlow laboratory results as FHIR R4 (read and search, scoped by the caller\'s lab)' },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json'],
    rest: [{
      mode: 'server',
      security: { description: 'Authorization: Bearer (a JWT); every read is scoped by the token\'s lab_id (another lab\'s id is 404).' },
      resource: FHIR_READ_TYPES.map((type) => ({
        type,
        interaction: [{ code: 'read' }, ...(SEARCH_PARAMETERS[type] ? [{ code: 'search-type' }] : [])],
        ...(type === 'DiagnosticReport' ? { searchInclude: ['DiagnosticReport:result'] } : {}),
        ...(SEARCH_PARAMETERS[type] ? { searchParam: SEARCH_PARAMETERS[type].map((p) => ({ name: p.name, type: p.type })) } : {}),
        ...(type === 'StructureDefinition' ? { documentation: `LabFlow extensions: ${Object.values(EXTENSIONS).join(', ')}` } : {}),
      })),
    }],
  };
}
