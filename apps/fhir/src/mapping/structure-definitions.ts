import { FhirResource } from './fhir-types';
import { EXTENSIONS } from './fhir-codes';

interface ExtensionSpec {
  id: string;
  url: string;
  name: string;
  title: string;
  description: string;
  contexts: string[];
  valueType: 'string' | 'boolean';
  max: '1' | '*';
}

const SPECS: ExtensionSpec[] = [
  {
    id: 'machine-flag', url: EXTENSIONS.machineFlag, name: 'MachineFlag', title: 'Machine flag',
    description: 'A flag exactly as the analyzer sent it (seed 002 param_flags on an Observation, test_flags on a DiagnosticReport). Its normalized HL7 Table 0078 meaning, when it has one, is in Observation.interpretation.',
    contexts: ['Observation', 'DiagnosticReport'], valueType: 'string', max: '*',
  },
  {
    id: 'critical-value', url: EXTENSIONS.criticalValue, name: 'CriticalValue', title: 'Critical value',
    description: 'The value lies outside the critical range of the lab for this patient and must be called out.',
    contexts: ['Observation'], valueType: 'boolean', max: '1',
  },
  {
    id: 'replaced-value', url: EXTENSIONS.replacedValue, name: 'ReplacedValue', title: 'Value replaced by a rerun',
    description: 'The value this Observation had before a confirmed sample rerun replaced it (seed 000 §4); the Observation is then corrected.',
    contexts: ['Observation'], valueType: 'string', max: '1',
  },
];

/** The StructureDefinitions of LabFlow's extensions, as the server serves them (differentials). */
export function extensionDefinitions(): FhirResource[] {
  return SPECS.map(toStructureDefinition);
}

function toStructureDefinition(s: ExtensionSpec): FhirResource {
  return {
    resourceType: 'StructureDefinition',
    id: s.id,
    url: s.url,
    version: '1.0.0',
    name: s.name,
    title: s.title,
    status: 'active',
    date: '2026-12-06',
    publisher: 'LabFlow',
    description: s.description,
    fhirVersion: '4.0.1',
    kind: 'complex-type',
    abstract: false,
    context: s.contexts.map((expression) => ({ type: 'element', expression })),
    type: 'Extension',
    baseDefinition: 'http://hl7.org/fhir/StructureDefinition/Extension',
    derivation: 'constraint',
    differential: {
      element: [
        { id: 'Extension', path: 'Extension', short: s.title, definition: s.description, min: 0, max: s.max },
        { id: 'Extension.extension', path: 'Extension.extension', max: '0' },
        { id: 'Extension.url', path: 'Extension.url', fixedUri: s.url },
        { id: 'Extension.value[x]', path: 'Extension.value[x]', min: 1, type: [{ code: s.valueType }] },
      ],
    },
  };
}
