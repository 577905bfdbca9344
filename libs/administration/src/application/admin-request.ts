import type { Actor } from '../domain/audit-entry';

/** Who is asking, and in which request: recorded on the audit row of whatever they do. */
export interface AdminRequest {
  actor: Actor;
  requestId: string | null;
}

export function adminRequest(userId: string, requestId: string | null): AdminRequest {
  return { actor: { type: 'admin', userId }, requestId };
}

export const CLI_REQUEST: AdminRequest = { actor: { type: 'cli', userId: null }, requestId: null };

/** Page parameters as the API takes them (1-based page), and the page they describe. */
export interface PageRequest {
  page: number;
  pageSize: number;
}

export interface Page<T> {
  items: T[];
  page: number;
  page_size: number;
  total: number;
}

export function pageOf<T>(items: T[], total: number, request: PageRequest): Page<T> {
  return { items, page: request.page, page_size: request.pageSize, total };
}

export function offsetOf(request: PageRequest): { limit: number; offset: number } {
  return { limit: request.pageSize, offset: (request.page - 1) * request.pageSize };
}
