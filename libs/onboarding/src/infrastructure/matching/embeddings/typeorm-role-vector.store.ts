import { Injectable } from '@nestjs/common';
import { TypeOrmUnitOfWork } from '@fluentpro/shared';
import { In } from 'typeorm';
import { RoleVectorRecord } from '../../persistence/role-vector.orm-entity';

export interface StoredVector {
  roleId: string;
  contentHash: string;
  vector: number[];
}

/** Role embeddings stored beside the roles, per model. */
@Injectable()
export class TypeOrmRoleVectorStore {
  constructor(private readonly unitOfWork: TypeOrmUnitOfWork) {}

  private get records() {
    return this.unitOfWork.manager.getRepository(RoleVectorRecord);
  }

  async find(model: string, roleIds: string[]): Promise<Map<string, StoredVector>> {
    if (roleIds.length === 0) return new Map();
    const records = await this.records.findBy({ model, roleId: In(roleIds) });
    return new Map(
      records.map((r) => [r.roleId, { roleId: r.roleId, contentHash: r.contentHash, vector: r.vector }]),
    );
  }

  async save(model: string, vectors: StoredVector[], now: Date): Promise<void> {
    if (vectors.length === 0) return;
    await this.unitOfWork.run(() =>
      this.records.upsert(
        vectors.map((v) => ({ ...v, model, createdAt: now })),
        { conflictPaths: ['roleId', 'model'] },
      ),
    );
  }
}
