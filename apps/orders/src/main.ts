import 'reflect-metadata';
import { loadConfig } from '@labflow/platform/config';
import { installLibraryPatches } from '@labflow/platform/patches';
import { runService } from '@labflow/platform/service';
import { OrdersConfig } from './orders.config';
import { ordersModule } from './orders.module';

installLibraryPatches(); // the class-validator cache and the kafkajs timer fix, for this process

const config = loadConfig('orders', OrdersConfig);
runService({ app: 'orders', module: ordersModule(config), config }).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
