import { Admin, Kafka } from 'kafkajs';

/**
 * One connected Kafka admin per app (per kafkajs client), for what asks the broker on every scrape or
 * readiness probe: consumer lag, cluster health. Connected on first use; a failed call drops the
 * connection so the next one starts with a fresh admin (a restarted broker, a lost coordinator).
 */
export class SharedKafkaAdmin {
  private connecting: Promise<Admin> | null = null;

  constructor(private readonly kafka: Kafka) {}

  async use<T>(work: (admin: Admin) => Promise<T>): Promise<T> {
    const pending = this.connecting ?? this.connect();
    const admin = await pending;
    try {
      return await work(admin);
    } catch (error) {
      this.drop(pending, admin);
      throw error;
    }
  }

  async close(): Promise<void> {
    const pending = this.connecting;
    this.connecting = null;
    const admin = await pending?.catch(() => null);
    await admin?.disconnect().catch(() => undefined);
  }

  private connect(): Promise<Admin> {
    const admin = this.kafka.admin();
    const pending = admin.connect().then(() => admin);
    this.connecting = pending;
    pending.catch(() => {
      if (this.connecting === pending) this.connecting = null;
    });
    return pending;
  }

  private drop(pending: Promise<Admin>, admin: Admin): void {
    if (this.connecting !== pending) return; // another caller replaced it already
    this.connecting = null;
    void admin.disconnect().catch(() => undefined);
  }
}

const admins = new WeakMap<Kafka, SharedKafkaAdmin>();

/** The shared admin of a kafkajs client (the app's single client, see createKafka). */
export function sharedAdminOf(kafka: Kafka): SharedKafkaAdmin {
  let admin = admins.get(kafka);
  if (!admin) {
    admin = new SharedKafkaAdmin(kafka);
    admins.set(kafka, admin);
  }
  return admin;
}
