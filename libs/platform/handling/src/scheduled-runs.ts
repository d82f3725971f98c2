import { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { BackgroundLoop } from '@labflow/platform/kafka';
import { scheduleOf, ScheduledUnits, ScheduledUseCase } from './scheduled';

/**
 * Runs an app's scheduled use cases (@HandlesSchedule), each on a loop of its own: a pass every
 * `intervalMs`, the next at once after a pass that answered `more`, and after a failed pass (logged;
 * nothing was committed) the interval again. Started with the app, stopped before its stores close.
 */
export class ScheduledRuns<R extends object> implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly loops: BackgroundLoop[];

  constructor(units: ScheduledUnits<R>, useCases: ScheduledUseCase<R>[], clock: () => Date = () => new Date()) {
    this.loops = useCases.map((useCase) => {
      const declaration = scheduleOf(useCase.constructor);
      return new BackgroundLoop(
        { name: declaration.name, idleWaitMs: useCase.intervalMs, backoffMs: () => useCase.intervalMs, failureLog: 'pass failed', failureLogLevel: 'error' },
        async () => ((await units.scheduled(declaration, (unit) => useCase.execute({ now: clock() }, unit))) === 'more' ? 'busy' : 'idle'),
      );
    });
  }

  onApplicationBootstrap(): void {
    this.loops.forEach((loop) => loop.start());
  }

  /** A pass in hand commits or rolls back first. */
  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.loops.map((loop) => loop.stop()));
  }
}
