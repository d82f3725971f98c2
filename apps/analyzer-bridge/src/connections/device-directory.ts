import { VendorProfile } from '../profiles/vendor-profile';
import { DeviceConnectionConfig } from './device-connection.config';

/** The configured instruments and their vendor profiles, by name (read once at start). */
export class DeviceDirectory {
  private readonly byName: Map<string, DeviceConnectionConfig>;

  constructor(readonly devices: readonly DeviceConnectionConfig[], private readonly profiles: ReadonlyMap<string, VendorProfile>) {
    this.byName = new Map(devices.map((d) => [d.name, d]));
  }

  get(name: string): DeviceConnectionConfig | undefined {
    return this.byName.get(name);
  }

  profileOf(device: DeviceConnectionConfig): VendorProfile {
    const profile = this.profiles.get(device.profile);
    if (!profile) throw new Error(`no vendor profile ${device.profile}`); // checked at start; kept for the types
    return profile;
  }
}
