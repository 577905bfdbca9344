import { createHash } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { Clock } from '@fluentpro/shared';
import {
  candidatesInIndustry,
  RoleCandidate,
  RoleMatch,
  RoleMatcher,
  RoleMatchQuery,
  topMatches,
} from '../../../application/ports/role-matcher';
import type { OpenAiEmbeddingsClient } from './openai-embeddings.client';
import type { StoredVector, TypeOrmRoleVectorStore } from './typeorm-role-vector.store';

export function roleText(role: RoleCandidate): string {
  const keywords = role.keywords.length > 0 ? ` Keywords: ${role.keywords.join(', ')}.` : '';
  return `${role.title}. ${role.description}${keywords}`;
}

const hashOf = (text: string): string => createHash('sha256').update(text).digest('hex');

function cosine(a: number[], b: number[]): number {
  if (a.length !== b.length) return 0;
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i += 1) {
    dot += a[i] * b[i];
    normA += a[i] * a[i];
    normB += b[i] * b[i];
  }
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}

/**
 * Role matching by semantic similarity through an OpenAI-compatible embeddings API. Role vectors are
 * stored beside the roles (per model, re-embedded when a role's text changes), so one request embeds
 * the query plus only the roles not seen before. Relevance is the cosine similarity clamped to
 * [0, 1]. Any failure of the API (error, malformed answer, timeout) falls back to the lexical matcher.
 */
export class EmbeddingsRoleMatcher extends RoleMatcher {
  private readonly logger = new Logger(EmbeddingsRoleMatcher.name);

  constructor(
    private readonly client: OpenAiEmbeddingsClient,
    private readonly store: TypeOrmRoleVectorStore,
    private readonly fallback: RoleMatcher,
    private readonly clock: Clock,
  ) {
    super();
  }

  async match(query: RoleMatchQuery): Promise<RoleMatch[]> {
    const candidates = candidatesInIndustry(query);
    if (candidates.length === 0) return [];
    let vectors: Map<string, number[]>;
    let queryVector: number[];
    try {
      ({ vectors, queryVector } = await this.embed(query, candidates));
    } catch (error) {
      this.logger.warn(
        { err: error instanceof Error ? error.message : String(error), model: this.client.model },
        'Embeddings API unavailable; role matching falls back to the lexical matcher',
      );
      return this.fallback.match(query);
    }
    return topMatches(
      candidates.map((role) => ({ role, score: cosine(queryVector, vectors.get(role.id) ?? []) })),
      query.limit,
    );
  }

  private async embed(
    query: RoleMatchQuery,
    candidates: RoleCandidate[],
  ): Promise<{ vectors: Map<string, number[]>; queryVector: number[] }> {
    const texts = new Map(candidates.map((role) => [role.id, roleText(role)]));
    const stored = await this.store.find(
      this.client.model,
      candidates.map((role) => role.id),
    );
    const missing = candidates.filter(
      (role) => stored.get(role.id)?.contentHash !== hashOf(texts.get(role.id)!),
    );
    const [queryVector, ...fresh] = await this.client.embed([
      `${query.jobTitle}. ${query.jobDescription}`,
      ...missing.map((role) => texts.get(role.id)!),
    ]);
    const vectors = new Map([...stored].map(([id, record]) => [id, record.vector]));
    const toStore: StoredVector[] = missing.map((role, index) => ({
      roleId: role.id,
      contentHash: hashOf(texts.get(role.id)!),
      vector: fresh[index],
    }));
    for (const record of toStore) vectors.set(record.roleId, record.vector);
    await this.store
      .save(this.client.model, toStore, this.clock.now())
      .catch((error: unknown) =>
        this.logger.warn(
          { err: error instanceof Error ? error.message : String(error) },
          'Role vectors not stored',
        ),
      );
    return { vectors, queryVector };
  }
}
