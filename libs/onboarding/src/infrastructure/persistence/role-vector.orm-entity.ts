import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An embedding of a role's text (catalog or custom role), kept per model beside the roles. */
@Entity({ name: 'onboarding_role_vectors' })
export class RoleVectorRecord {
  @PrimaryColumn({ name: 'role_id', type: 'varchar', length: 64 })
  roleId: string;

  @PrimaryColumn({ type: 'varchar', length: 200 })
  model: string;

  /** sha256 of the embedded text: a role whose text changed is embedded again. */
  @Column({ name: 'content_hash', type: 'varchar', length: 64 })
  contentHash: string;

  @Column({ type: 'simple-json' })
  vector: number[];

  @Column({ name: 'created_at' })
  createdAt: Date;
}
