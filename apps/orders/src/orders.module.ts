import { Module } from '@nestjs/common';
import { PlatformModule, ServiceConfig } from '@labflow/platform/service';
import { MIGRATIONS, SCHEMA } from './migrations';

export function ordersModule(config: ServiceConfig) {
  @Module({
    imports: [
      PlatformModule.forRoot({
        app: 'orders', config,
        postgres: { schema: SCHEMA, entities: [], migrations: MIGRATIONS },
      }),
    ],
    controllers: [],
    providers: [],
  })
  class AppModule {}
  return AppModule;
}
