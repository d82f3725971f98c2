import { Type } from '@nestjs/common';
import { DeviceDataController } from './device-data.controller';
import { DevicesController } from './devices.controller';
import { RegistrationsController } from './registrations.controller';
import { ReportReadsController } from './report-reads.controller';
import { ReportFormatsController } from './report-formats.controller';
import { SampleRerunController } from './sample-rerun.controller';

/** Every HTTP route of the gateway; the tenancy matrix and the OpenAPI document read this list. */
export const ROUTE_CONTROLLERS: Type<unknown>[] = [
  DevicesController, ReportFormatsController, RegistrationsController, DeviceDataController, ReportReadsController,
  SampleRerunController,
];
