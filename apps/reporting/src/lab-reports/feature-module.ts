import { Module, Provider, Type } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { handlingOf } from '@labflow/platform/handling';
import { Queryable } from '@labflow/platform/kafka';
import { MONGO_CONNECTION } from '@labflow/platform/service';
import { REPORTING_ERRORS } from './reporting.errors';
import { reportingRepositories } from './reporting-unit-of-work';

export interface FeatureParts {
  /** Use cases behind the seam (@HandlesQuery, @HandlesCommand, @HandlesEvent). */
  useCases?: Type<object>[];
  /** Handlers the seam has no unit for (a batch of events), and the rest of the feature. */
  controllers?: Type<unknown>[];
  providers?: Provider[];
}

/**
 * One Nest module per feature of reporting: its use cases behind the seam, over reporting's one
 * error table and its repositories (PostgreSQL session and document store). Features share nothing
 * but this folder (the lab-report data access).
 */
export function featureModule(name: string, parts: FeatureParts): Type<unknown> {
  const handling = (parts.useCases ?? []).length > 0
    ? handlingOf({
      errors: REPORTING_ERRORS,
      repositories: (session: Queryable, mongo: Connection) => reportingRepositories(session, mongo),
      useCases: parts.useCases ?? [],
      inject: [MONGO_CONNECTION],
    })
    : { controllers: [], providers: [] };
  class FeatureModule {}
  Object.defineProperty(FeatureModule, 'name', { value: name });
  Module({
    controllers: [...handling.controllers, ...(parts.controllers ?? [])],
    providers: [...handling.providers, ...(parts.providers ?? [])],
  })(FeatureModule);
  return FeatureModule;
}
