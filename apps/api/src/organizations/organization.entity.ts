import type { Country, OrganizationKind } from '@samspill/contracts';
import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('organizations')
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: OrganizationKind;

  /** The official number (kommunenummer), where there is one. */
  @Column({ type: 'text', nullable: true })
  code!: string | null;

  @Column({ type: 'char', length: 2 })
  country!: Country;

  /** After a merger (kommunereform): the organisation it is now part of. */
  @Column({ name: 'successor_id', type: 'uuid', nullable: true })
  successorId!: string | null;

  @ManyToOne(() => OrganizationEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'successor_id' })
  successor?: OrganizationEntity | null;

  /** Derived in the database from successor_id (a generated column): never written. */
  @Column({ type: 'boolean', insert: false, update: false })
  active!: boolean;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
