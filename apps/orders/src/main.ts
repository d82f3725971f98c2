import 'reflect-metadata';
import { loadConfig } from '@labflow/platform/config';
import { DEFAULT_PORTS, runService, ServiceConfig } from '@labflow/platform/service';
import { ordersModule } from './orders.module';

class AppConfig extends ServiceConfig {
  override PORT = DEFAULT_PORTS['orders'];
}

const config = loadConfig('orders', AppConfig);
runService({ app: 'orders', module: ordersModule(config), config }).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
