import { Injectable } from '@nestjs/common';
import { FHIR_COMMANDS, FhirJson, FhirSearchInput } from '@labflow/contracts';
import { Command, HandlesQuery, RepositoryOf } from '@labflow/platform/handling';
import { fhirError } from '../fhir.errors';
import { FhirUnitOfWork } from '../fhir-unit-of-work';
import { Page, searchset } from '../mapping/bundle';
import { SEARCH_PARAMETERS } from '../mapping/capability-statement';
import { FhirResource } from '../mapping/fhir-types';
import { SYSTEMS } from '../mapping/fhir-codes';
import { toOrderServiceRequest } from '../mapping/service-request.mapper';
import { toSpecimen } from '../mapping/specimen.mapper';
import { ReadModelRepository } from './read-model.repository';
import { ResourceAssembler } from './resource-assembler';
import { dateBounds, referenceId, token, unsupported } from './search-params';

/** A status filter is applied after mapping (status is derived): over at most this many reports. */
export const STATUS_SEARCH_CAP = 1000;
const FILTERS = ['patient', 'date', 'status', 'code', 'requisition'] as const;

interface Found { total: number; matches: FhirResource[]; includes?: FhirResource[] }

/** GET /fhir/R4/<Type>?…: a searchset Bundle of the caller's lab, offset-paged. */
@Injectable()
@HandlesQuery(FHIR_COMMANDS.search, FhirSearchInput)
export class SearchResourcesUseCase {
  async execute(command: Command<FhirSearchInput>, unit: FhirUnitOfWork): Promise<FhirJson> {
    return new ResourceSearch(unit.readModel).run(command.labId, command.input);
  }
}

/** One search over the unit's read model. */
class ResourceSearch {
  private readonly assembler: ResourceAssembler;

  constructor(private readonly readModel: RepositoryOf<ReadModelRepository>) {
    this.assembler = new ResourceAssembler(readModel);
  }

  async run(labId: number, input: FhirSearchInput): Promise<FhirJson> {
    const type = input.resourceType;
    const given = Object.fromEntries(FILTERS.map((f) => [f, input[f]]));
    const wrong = unsupported(given, SEARCH_PARAMETERS[type].map((p) => p.name));
    if (wrong.length) throw fhirError('INVALID_SEARCH_PARAMETER', `${type} cannot be searched by ${wrong.join(', ')}`);
    if (input._include && type !== 'DiagnosticReport') throw fhirError('INVALID_SEARCH_PARAMETER', `_include ${input._include} applies to DiagnosticReport only`);
    const page: Page = { offset: input._offset ?? 0, count: input._count ?? 20 };
    const found = await this.search(labId, input, page);
    const params = FILTERS.flatMap((f) => {
      const v = input[f];
      return v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((x) => [f, String(x)] as [string, string]);
    });
    if (input._include) params.push(['_include', input._include]);
    return searchset({ base: input.base, type, params, page, ...found }) as FhirJson;
  }

  private search(labId: number, input: FhirSearchInput, page: Page): Promise<Found> {
    switch (input.resourceType) {
      case 'DiagnosticReport': return this.diagnosticReports(labId, input, page);
      case 'Observation': return this.observations(labId, input, page);
      case 'Specimen': return this.specimens(labId, input, page);
      case 'ServiceRequest': return this.serviceRequests(labId, input, page);
    }
  }

  private async diagnosticReports(labId: number, input: FhirSearchInput, page: Page): Promise<Found> {
    // patient and date are checked first: a code no report has finds nothing, but never hides a malformed search
    const patientId = input.patient === undefined ? undefined : referenceId(input.patient, 'Patient');
    const dates = dateBounds(input.date);
    const code = input.code === undefined ? undefined : token(input.code);
    if (code && ((code.system !== null && code.system !== SYSTEMS.test) || !/^\d{1,9}$/.test(code.code))) return { total: 0, matches: [] };
    const filter = { patientId, dates, testIds: code ? [Number(code.code)] : undefined };
    const statuses = input.status?.split(',').map((s) => s.trim());
    const window = statuses ? { offset: 0, limit: STATUS_SEARCH_CAP } : { offset: page.offset, limit: page.count };
    const { rows, total } = await this.readModel.labReports(labId, filter, window);
    let assembled = await this.assembler.diagnosticReports(labId, rows);
    let count = total;
    if (statuses) {
      assembled = assembled.filter((a) => statuses.includes(String(a.resource.status)));
      count = assembled.length;
      assembled = assembled.slice(page.offset, page.offset + page.count);
    }
    return {
      total: count, matches: assembled.map((a) => a.resource),
      includes: input._include ? assembled.flatMap((a) => a.observations) : undefined,
    };
  }

  private async observations(labId: number, input: FhirSearchInput, page: Page): Promise<Found> {
    const patientId = input.patient === undefined ? undefined : referenceId(input.patient, 'Patient');
    const dates = dateBounds(input.date);
    let codes: { testId: number; index: number }[] | undefined;
    if (input.code !== undefined) {
      const t = token(input.code);
      const m = /^(\d{1,9})-(\d{1,9})$/.exec(t.code);
      if (!m || (t.system !== null && t.system !== SYSTEMS.parameter)) return { total: 0, matches: [] };
      codes = [{ testId: Number(m[1]), index: Number(m[2]) }];
    }
    const { rows, total } = await this.readModel.observations(labId, { patientId, codes, dates }, { offset: page.offset, limit: page.count });
    return { total, matches: await this.assembler.observations(labId, rows) };
  }

  private async specimens(labId: number, input: FhirSearchInput, page: Page): Promise<Found> {
    const patientId = input.patient === undefined ? undefined : referenceId(input.patient, 'Patient');
    const { rows, total } = await this.readModel.specimens(labId, { patientId }, { offset: page.offset, limit: page.count });
    return { total, matches: rows.map(toSpecimen) };
  }

  /** requisition: an order transaction (seed 004 orders) or a bill (its tests); without a system, both. */
  private async serviceRequests(labId: number, input: FhirSearchInput, page: Page): Promise<Found> {
    const matches: FhirResource[] = [];
    if (input.requisition !== undefined) {
      const t = token(input.requisition);
      if (t.system === null || t.system === SYSTEMS.orderTransaction) {
        matches.push(...(await this.readModel.orders(labId, { transactionId: t.code }, null)).rows.map(toOrderServiceRequest));
      }
      if ((t.system === null || t.system === SYSTEMS.bill) && /^\d{1,9}$/.test(t.code)) {
        const { rows } = await this.readModel.labReports(labId, { billId: Number(t.code) }, null);
        matches.push(...(await this.assembler.billRequests(labId, rows)));
      }
    } else {
      matches.push(...(await this.readModel.orders(labId, {}, { offset: 0, limit: STATUS_SEARCH_CAP })).rows.map(toOrderServiceRequest));
    }
    return { total: matches.length, matches: matches.slice(page.offset, page.offset + page.count) };
  }
}
