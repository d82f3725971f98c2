import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DeviceEntity } from './device.entity';

/** Writes and lab-scoped reads of devices (an upload's token lookup: IngestionContextQuery). */
@Injectable()
export class DeviceRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, device: Pick<DeviceEntity, 'labId' | 'name' | 'authHash'>): Promise<DeviceEntity> {
    return manager.getRepository(DeviceEntity).save(manager.getRepository(DeviceEntity).create(device));
  }

  async findById(labId: number, id: number): Promise<DeviceEntity | null> {
    return this.dataSource.getRepository(DeviceEntity).findOneBy({ labId, id });
  }
}
