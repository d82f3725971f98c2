import { Module } from '@nestjs/common';
import { PlatformModule, ServiceConfig } from '@labflow/platform/service';
import { MIGRATIONS, SCHEMA } from './migrations';

export function reportingModule(config: ServiceConfig) {
  @Module({
    imports: [
      PlatformModule.forRoot({
        app: 'reporting', config, mongo: true, elasticsearch: true,
        postgres: { schema: SCHEMA, entities: [], migrations: MIGRATIONS },
      }),
    ],
    controllers: [],
    providers: [],
  })
  class AppModule {}
  return AppModule;
}
