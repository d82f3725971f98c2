import { Type } from '@nestjs/common';
import { DevicesController } from './devices.controller';

/** Every HTTP route of the gateway; the tenancy matrix and the OpenAPI document read this list. */
export const ROUTE_CONTROLLERS: Type<unknown>[] = [DevicesController];
