/** The few FHIR R4 datatypes LabFlow writes (a subset: only what the mappers set). */
export interface Coding { system?: string; code?: string; display?: string }
export interface CodeableConcept { coding?: Coding[]; text?: string }
export interface Reference { reference?: string; display?: string }
export interface Identifier { system?: string; value: string }
export interface Quantity { value: number; unit?: string; system?: string; code?: string }
export interface Range { low?: Quantity; high?: Quantity }
export interface Extension { url: string; valueString?: string; valueBoolean?: boolean }
export interface Meta { versionId?: string; lastUpdated?: string; profile?: string[] }

export interface FhirResource {
  resourceType: string;
  id?: string;
  meta?: Meta;
  [element: string]: unknown;
}

export interface BundleEntry {
  fullUrl?: string;
  resource: FhirResource;
  search?: { mode: 'match' | 'include' | 'outcome' };
}

export interface Bundle extends FhirResource {
  resourceType: 'Bundle';
  type: 'searchset';
  total: number;
  link: { relation: string; url: string }[];
  entry?: BundleEntry[];
}

export type AdministrativeGender = 'male' | 'female' | 'other' | 'unknown';
