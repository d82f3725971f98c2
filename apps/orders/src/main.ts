import 'reflect-metadata';
import { loadConfig } from '@labflow/platform/config';
import { runService } from '@labflow/platform/service';
import { OrdersConfig } from './orders.config';
import { ordersModule } from './orders.module';

const config = loadConfig('orders', OrdersConfig);
runService({ app: 'orders', module: ordersModule(config), config }).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
