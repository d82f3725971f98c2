import { Type } from '@nestjs/common';
import { DeviceDataController } from './device-data.controller';
import { DevicesController } from './devices.controller';
import { DeviceWorkOrderController } from './device-work-order.controller';
import { DeviceConnectionsController } from './device-connections.controller';
import { DeviceRegisteredConnectionController } from './device-registered-connection.controller';
import { FhirController } from './fhir.controller';
import { CriticalCalloutController } from './critical-callout.controller';
import { JobsController } from './jobs.controller';
import { LabUsersController } from './lab-users.controller';
import { LabOrdersController } from './lab-orders.controller';
import { OrdersController } from './orders.controller';
import { PartiesController } from './parties.controller';
import { RegistrationsController } from './registrations.controller';
import { ReportFormatsController } from './report-formats.controller';
import { ReportReadsController } from './report-reads.controller';
import { SampleRerunController } from './sample-rerun.controller';
import { SpecimensController } from './specimens.controller';
import { VerificationController } from './verification.controller';
import { WebhooksController } from './webhooks.controller';

/** Every HTTP route of the gateway; the tenancy matrix and the OpenAPI document read this list. */
export const ROUTE_CONTROLLERS: Type<unknown>[] = [
  DevicesController,
  SpecimensController,
  JobsController,
  PartiesController,
  OrdersController,
  LabOrdersController,
  WebhooksController,
  ReportFormatsController,
  RegistrationsController,
  DeviceDataController,
  DeviceWorkOrderController,
  DeviceConnectionsController,
  DeviceRegisteredConnectionController,
  ReportReadsController,
  CriticalCalloutController,
  LabUsersController,
  SampleRerunController,
  VerificationController,
  FhirController,
];
