import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BackgroundLoop, isTransientInfraError } from '@labflow/platform/kafka';
import { BackgroundSpanOptions, traceOnceFound } from '@labflow/platform/observability';
import { SpecimenConfig } from '../specimen.config';
import { JobRepository, JobRow } from './job.repository';
import { ReceivedTimeJobProcessor } from './received-time-job.processor';

/**
 * Works the durable jobs table: one job per transaction, locked with SKIP LOCKED, so a crash rolls
 * the job back to pending and the next start (or another instance) picks it up again.
 */
@Injectable()
export class ReceivedTimeJobWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ReceivedTimeJobWorker');
  private readonly loop: BackgroundLoop;

  constructor(
    private readonly dataSource: DataSource,
    private readonly processor: ReceivedTimeJobProcessor,
    private readonly config: SpecimenConfig,
  ) {
    this.loop = new BackgroundLoop(
      { name: 'ReceivedTimeJobWorker', idleWaitMs: config.JOB_POLL_MS, failureLog: 'job processing paused' },
      async () => ((await this.processNext()) ? 'busy' : 'idle'),
    );
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  /** Before the stores close (platform shutdown): the job in hand finishes or rolls back. */
  async onModuleDestroy(): Promise<void> {
    await this.loop.stop();
  }

  /** True when a job was applied or failed; false when there was none or its attempt failed (wait a little). */
  private async processNext(): Promise<boolean> {
    const locked: { job?: JobRow } = {};
    try {
      return await traceOnceFound((begin) => this.dataSource.transaction(async (manager) => {
        const job = await new JobRepository(manager).lockNextPending();
        if (!job) return false;
        locked.job = job;
        const span = begin(`job ${job.type}`, jobSpanOptions(job));
        span.setAttribute('labflow.job.status', await span.run(() => this.processor.apply(manager, job)));
        return true;
      }));
    } catch (error) {
      const job = locked.job;
      if (!job || isTransientInfraError(error)) throw error; // the job stays pending and is retried
      this.logger.error(`job ${job.id} failed: ${(error as Error).message}`);
      await new JobRepository(this.dataSource).recordAttemptError(job.lab_id, job.id, (error as Error).message, this.config.JOB_MAX_ATTEMPTS);
      return false;
    }
  }
}

/** One attempt at a job: a child of the span of the command that created it (the request's trace). */
function jobSpanOptions(job: JobRow): BackgroundSpanOptions {
  return {
    kind: 'consumer',
    parentHeaders: job.trace_headers,
    attributes: {
      'labflow.job.id': job.id, 'labflow.job.type': job.type, 'labflow.job.attempt': job.attempts + 1,
      'labflow.correlation_id': job.correlation_id,
    },
  };
}
