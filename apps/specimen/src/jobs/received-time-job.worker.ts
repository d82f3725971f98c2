import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isTransientInfraError, WakeableSleep } from '@labflow/platform/kafka';
import { SpecimenConfig } from '../specimen.config';
import { JobRepository, JobRow } from './job.repository';
import { ReceivedTimeJobProcessor } from './received-time-job.processor';

/**
 * Works the durable jobs table: one job per transaction, locked with SKIP LOCKED, so a crash rolls
 * the job back to pending and the next start (or another instance) picks it up again.
 */
@Injectable()
export class ReceivedTimeJobWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly idle = new WakeableSleep();
  private readonly logger = new Logger('ReceivedTimeJobWorker');
  private running = false;
  private loop: Promise<void> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobRepository,
    private readonly processor: ReceivedTimeJobProcessor,
    private readonly config: SpecimenConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.runForever();
  }

  /** Before the stores close (platform shutdown): the job in hand finishes or rolls back. */
  async onModuleDestroy(): Promise<void> {
    this.running = false;
    this.idle.wake();
    await this.loop;
  }

  private async runForever(): Promise<void> {
    while (this.running) {
      let worked = false;
      try {
        worked = await this.processNext();
      } catch (error) {
        this.logger.warn(`job processing paused: ${(error as Error).message}`);
        await this.idle.sleep(1000);
      }
      if (!worked) await this.idle.sleep(this.config.JOB_POLL_MS);
    }
  }

  /** True when a job was applied or failed; false when there was none or its attempt failed (wait a little). */
  private async processNext(): Promise<boolean> {
    let current: JobRow | null = null;
    try {
      return await this.dataSource.transaction(async (manager) => {
        current = await this.jobs.lockNextPending(manager);
        if (!current) return false;
        await this.processor.apply(manager, current);
        return true;
      });
    } catch (error) {
      const job = current as JobRow | null;
      if (!job || isTransientInfraError(error)) throw error; // the job stays pending and is retried
      this.logger.error(`job ${job.id} failed: ${(error as Error).message}`);
      await this.jobs.recordAttemptError(job.lab_id, job.id, (error as Error).message, this.config.JOB_MAX_ATTEMPTS);
      return false;
    }
  }
}
