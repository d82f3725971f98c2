import { VendorProfile } from '../profiles/vendor-profile';
import { DeviceConnectionConfig } from './device-connection.config';

/**
 * The instruments this bridge serves and their vendor profiles, by name: the configured ones from
 * the start, a registered one from the first time its connection was read. A registered device stays
 * known after its connection is removed, so its uploads already stored are still delivered.
 */
export class DeviceDirectory {
  private readonly byName: Map<string, DeviceConnectionConfig>;

  constructor(devices: readonly DeviceConnectionConfig[], private readonly profiles: ReadonlyMap<string, VendorProfile>) {
    this.byName = new Map(devices.map((d) => [d.name, d]));
  }

  get devices(): DeviceConnectionConfig[] {
    return [...this.byName.values()];
  }

  get(name: string): DeviceConnectionConfig | undefined {
    return this.byName.get(name);
  }

  /** A registered device's connection as last read (its credentials for delivery, its profile for intake). */
  remember(device: DeviceConnectionConfig): void {
    this.byName.set(device.name, device);
  }

  profileOf(device: DeviceConnectionConfig): VendorProfile {
    const profile = this.profiles.get(device.profile);
    if (!profile) throw new Error(`no vendor profile ${device.profile}`); // checked before a connection is opened; kept for the types
    return profile;
  }

  get profileRegistry(): ReadonlyMap<string, VendorProfile> {
    return this.profiles;
  }
}
