import { Module } from '@nestjs/common';
import { PlatformModule, ServiceConfig } from '@labflow/platform/service';

export function rerunModule(config: ServiceConfig) {
  @Module({
    imports: [
      PlatformModule.forRoot({
        app: 'rerun', config, mongo: true, redis: true,
      }),
    ],
    controllers: [],
    providers: [],
  })
  class AppModule {}
  return AppModule;
}
