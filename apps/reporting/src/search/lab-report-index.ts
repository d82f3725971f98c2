import { Inject, Injectable } from '@nestjs/common';
import { Client as ElasticClient } from '@elastic/elasticsearch';
import { CommonConfig } from '@labflow/platform/config';
import { APP_CONFIG, ELASTICSEARCH } from '@labflow/platform/service';
import { DataSource } from 'typeorm';
import { LabReportRepository } from '../lab-reports/lab-report.repository';

/**
 * The lab-report search index (`<ELASTICSEARCH_INDEX_PREFIX>-lab-reports`). A projection: each call
 * writes the reports' current state under their id, so replays and retries are harmless.
 * Machine flags are not indexed: they belong to report entry and validation, not to search or print.
 */
@Injectable()
export class LabReportIndex {
  private ensured: Promise<void> | null = null;
  private readonly reports: LabReportRepository;

  constructor(
    @Inject(ELASTICSEARCH) private readonly elastic: ElasticClient,
    @Inject(APP_CONFIG) private readonly config: CommonConfig,
    dataSource: DataSource,
  ) {
    this.reports = new LabReportRepository(dataSource);
  }

  get name(): string {
    return `${this.config.ELASTICSEARCH_INDEX_PREFIX}-lab-reports`;
  }

  async reindex(labId: number, labReportIds: number[]): Promise<void> {
    const reports = await this.reports.findByIds(labId, labReportIds);
    if (reports.length === 0) return;
    await this.ensureIndex();
    // values without flags, all from the relational values in one query (no document read)
    const valueMap = await this.reports.valuesAsText(labId, reports);
    const operations = reports.flatMap((r) => [
      { index: { _index: this.name, _id: String(r.id) } },
      {
        labReportId: r.id, labId: r.labId, billId: r.billId, patientId: r.patientId, patientName: r.patientName, testId: r.testId,
        testName: r.testName, sampleId: r.sampleId, departmentId: r.departmentId, sampleRedrawFlag: r.sampleRedrawFlag,
        criticalValues: r.criticalValues, isSigned: r.isSigned, documentReport: r.documentReport, dismissed: r.dismissed,
        values: valueMap.get(r.id) ?? [], createdAt: r.createdAt.toISOString(), indexedAt: new Date().toISOString(),
      },
    ]);
    // No refresh wait: searchable within the index refresh interval, without holding the partition.
    const result = await this.elastic.bulk({ operations });
    if (result.errors) {
      const failed = result.items.find((i) => i.index?.error);
      throw new Error(`lab report indexing failed: ${JSON.stringify(failed?.index?.error)}`);
    }
  }

  private ensureIndex(): Promise<void> {
    this.ensured ??= (async () => {
      const exists = await this.elastic.indices.exists({ index: this.name });
      if (exists) return;
      await this.elastic.indices.create({
        index: this.name,
        settings: { number_of_shards: 1, number_of_replicas: 0 },
        mappings: {
          properties: {
            labReportId: { type: 'integer' }, labId: { type: 'integer' }, billId: { type: 'integer' }, patientId: { type: 'keyword' },
            patientName: { type: 'text' }, testId: { type: 'integer' }, testName: { type: 'text', fields: { raw: { type: 'keyword' } } },
            sampleId: { type: 'keyword' }, departmentId: { type: 'integer' }, sampleRedrawFlag: { type: 'integer' },
            criticalValues: { type: 'keyword' }, isSigned: { type: 'integer' }, documentReport: { type: 'integer' }, dismissed: { type: 'integer' },
            values: { type: 'object', properties: { index: { type: 'integer' }, value: { type: 'keyword' } } },
            createdAt: { type: 'date' }, indexedAt: { type: 'date' },
          },
        },
      }, { ignore: [400] });
    })().catch((error: unknown) => {
      this.ensured = null;
      throw error;
    });
    return this.ensured;
  }
}
