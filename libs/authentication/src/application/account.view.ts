import type { AccountRole, UserAccount } from '../domain/user-account.aggregate';

export interface UserView {
  id: string;
  full_name: string;
  email: string;
  date_of_birth: string;
}

export interface ProfileView extends UserView {
  created_at: string;
  updated_at: string;
}

export function toUserView(account: UserAccount): UserView {
  return {
    id: account.id,
    full_name: account.fullName.value,
    email: account.email.value,
    date_of_birth: account.dateOfBirth.value,
  };
}

export function toProfileView(account: UserAccount): ProfileView {
  return {
    ...toUserView(account),
    created_at: account.createdAt.toISOString(),
    updated_at: account.updatedAt.toISOString(),
  };
}

/** What an admin sees of an account. */
export interface AdminAccountView extends ProfileView {
  role: AccountRole;
  is_active: boolean;
  deactivated_at: string | null;
}

export function toAdminAccountView(account: UserAccount): AdminAccountView {
  return {
    ...toProfileView(account),
    role: account.role,
    is_active: account.isActive,
    deactivated_at: account.deactivatedAt?.toISOString() ?? null,
  };
}
