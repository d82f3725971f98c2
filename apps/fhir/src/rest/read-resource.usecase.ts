import { Injectable } from '@nestjs/common';
import { FHIR_COMMANDS, FhirJson, FhirReadInput } from '@labflow/contracts';
import { Command, HandlesQuery, RepositoryOf } from '@labflow/platform/handling';
import { fhirError } from '../fhir.errors';
import { FhirUnitOfWork } from '../fhir-unit-of-work';
import { FhirResource } from '../mapping/fhir-types';
import { toDevice, toOrderPatient, toPatient } from '../mapping/patient.mapper';
import { toOrderServiceRequest } from '../mapping/service-request.mapper';
import { toSpecimen } from '../mapping/specimen.mapper';
import { extensionDefinitions } from '../mapping/structure-definitions';
import { ReadModelRepository } from './read-model.repository';
import { ResourceAssembler } from './resource-assembler';

const INT = /^\d{1,9}$/;

/** GET /fhir/R4/<Type>/:id in the caller's lab; another lab's id is 404 like an unknown one. */
@Injectable()
@HandlesQuery(FHIR_COMMANDS.read, FhirReadInput)
export class ReadResourceUseCase {
  async execute(command: Command<FhirReadInput>, unit: FhirUnitOfWork): Promise<FhirJson> {
    const { labId, input } = command;
    const found = await new ResourceReader(unit.readModel).find(labId, input);
    if (!found) throw fhirError('NOT_FOUND', `${input.resourceType}/${input.id}`);
    return found as FhirJson;
  }
}

/** One read over the unit's read model. */
class ResourceReader {
  private readonly assembler: ResourceAssembler;

  constructor(private readonly readModel: RepositoryOf<ReadModelRepository>) {
    this.assembler = new ResourceAssembler(readModel);
  }

  async find(labId: number, { resourceType, id }: FhirReadInput): Promise<FhirResource | null> {
    switch (resourceType) {
      case 'DiagnosticReport': {
        if (!INT.test(id)) return null;
        const { rows } = await this.readModel.labReports(labId, { ids: [Number(id)] }, null);
        return rows.length ? (await this.assembler.diagnosticReports(labId, rows))[0].resource : null;
      }
      case 'Observation': {
        const m = /^(\d{1,9})-(\d{1,9})$/.exec(id);
        if (!m) return null;
        const observation = (await this.readModel.observationsOf(labId, [Number(m[1])])).find((o) => o.index === Number(m[2]));
        return observation ? (await this.assembler.observations(labId, [observation]))[0] ?? null : null;
      }
      case 'Specimen': {
        const { rows } = await this.readModel.specimens(labId, { id }, null);
        return rows[0] ? toSpecimen(rows[0]) : null;
      }
      case 'ServiceRequest': return this.serviceRequest(labId, id);
      case 'Patient': return this.patient(labId, id);
      case 'Device': {
        const device = INT.test(id) ? await this.readModel.device(labId, Number(id)) : null;
        return device ? toDevice(device) : null;
      }
      case 'StructureDefinition': return extensionDefinitions().find((d) => d.id === id) ?? null;
    }
  }

  private async serviceRequest(labId: number, id: string): Promise<FhirResource | null> {
    const bill = /^lr-(\d{1,9})$/.exec(id);
    if (bill) {
      const { rows } = await this.readModel.labReports(labId, { ids: [Number(bill[1])] }, null);
      return rows.length ? (await this.assembler.billRequests(labId, rows))[0] : null;
    }
    const { rows } = await this.readModel.orders(labId, { orderId: id }, null);
    return rows[0] ? toOrderServiceRequest(rows[0]) : null;
  }

  private async patient(labId: number, id: string): Promise<FhirResource | null> {
    if (id.startsWith('ot-')) {
      const { rows } = await this.readModel.orders(labId, { transactionId: id.slice(3) }, null);
      const withPatient = rows.find((o) => o.patient);
      return withPatient?.patient ? toOrderPatient(withPatient.transactionId, withPatient.patient) : null;
    }
    const patient = await this.readModel.patient(labId, id);
    return patient ? toPatient(patient) : null;
  }
}
