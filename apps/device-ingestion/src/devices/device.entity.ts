import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An analyzer (or interfacing bridge) registered to one lab. Its token is stored only as a hash. */
@Entity({ name: 'devices' })
export class DeviceEntity {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'lab_id', type: 'int' }) labId: number;
  @Column({ type: 'text' }) name: string;
  @Column({ name: 'auth_hash', type: 'text', unique: true }) authHash: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
