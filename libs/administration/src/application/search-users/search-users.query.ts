import type { AccountRole } from '@fluentpro/authentication';
import type { PageRequest } from '../admin-request';

export interface SearchUsersQuery extends PageRequest {
  /** Part of an email or full name, any letter case. */
  text?: string;
  role?: AccountRole;
  status?: 'active' | 'deactivated';
}
