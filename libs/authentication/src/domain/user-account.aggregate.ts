import { randomUUID } from 'node:crypto';
import { ValidationCollector } from '@fluentpro/shared';
import { DateOfBirth } from './date-of-birth.value-object';
import { Email } from './email.value-object';
import { FullName } from './full-name.value-object';

/** What an account may do: every account is a `user`; `admin` opens the admin API (set by the CLI only). */
export const ACCOUNT_ROLES = ['user', 'admin'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

export interface UserAccountState {
  id: string;
  email: Email;
  fullName: FullName;
  dateOfBirth: DateOfBirth;
  /** argon2id PHC string for self-hosted identity; null when an external provider holds credentials. */
  passwordHash: string | null;
  /** The external identity provider's subject (Auth0 `sub`), when there is one. */
  externalId: string | null;
  role: AccountRole;
  /** Set while an admin has deactivated the account: no login, no refresh, no session. */
  deactivatedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface ProfileChanges {
  fullName?: string;
  dateOfBirth?: string;
}

/** The account of one learner: who they are and how they prove it. */
export class UserAccount {
  private constructor(private state: UserAccountState) {}

  /** A new account always has the `user` role; only `changeRole` (CLI) makes an admin. */
  static register(input: {
    email: Email;
    fullName: FullName;
    dateOfBirth: DateOfBirth;
    passwordHash: string | null;
    externalId?: string | null;
    now: Date;
  }): UserAccount {
    return new UserAccount({
      id: randomUUID(),
      email: input.email,
      fullName: input.fullName,
      dateOfBirth: input.dateOfBirth,
      passwordHash: input.passwordHash,
      externalId: input.externalId ?? null,
      role: 'user',
      deactivatedAt: null,
      createdAt: input.now,
      updatedAt: input.now,
    });
  }

  static restore(state: UserAccountState): UserAccount {
    return new UserAccount({ ...state });
  }

  /** Applies every valid change or none: all failing fields are reported together. */
  updateProfile(changes: ProfileChanges, now: Date): void {
    const errors = new ValidationCollector();
    const fullName =
      changes.fullName === undefined
        ? undefined
        : errors.attempt('full_name', () => FullName.create(changes.fullName!));
    const dateOfBirth =
      changes.dateOfBirth === undefined
        ? undefined
        : errors.attempt('date_of_birth', () => DateOfBirth.create(changes.dateOfBirth!, now));
    errors.throwIfAny();
    this.state = {
      ...this.state,
      fullName: fullName ?? this.state.fullName,
      dateOfBirth: dateOfBirth ?? this.state.dateOfBirth,
      updatedAt: now,
    };
  }

  changePasswordHash(passwordHash: string, now: Date): void {
    this.state = { ...this.state, passwordHash, updatedAt: now };
  }

  /** Returns false when the account already had this role. */
  changeRole(role: AccountRole, now: Date): boolean {
    if (this.state.role === role) return false;
    this.state = { ...this.state, role, updatedAt: now };
    return true;
  }

  /** Returns false when the account was already deactivated (its sessions are ended by the caller). */
  deactivate(now: Date): boolean {
    if (this.state.deactivatedAt !== null) return false;
    this.state = { ...this.state, deactivatedAt: now, updatedAt: now };
    return true;
  }

  /** Returns false when the account was active. */
  reactivate(now: Date): boolean {
    if (this.state.deactivatedAt === null) return false;
    this.state = { ...this.state, deactivatedAt: null, updatedAt: now };
    return true;
  }

  get id(): string {
    return this.state.id;
  }
  get email(): Email {
    return this.state.email;
  }
  get fullName(): FullName {
    return this.state.fullName;
  }
  get dateOfBirth(): DateOfBirth {
    return this.state.dateOfBirth;
  }
  get passwordHash(): string | null {
    return this.state.passwordHash;
  }
  get externalId(): string | null {
    return this.state.externalId;
  }
  get role(): AccountRole {
    return this.state.role;
  }
  get isAdmin(): boolean {
    return this.state.role === 'admin';
  }
  get isActive(): boolean {
    return this.state.deactivatedAt === null;
  }
  get deactivatedAt(): Date | null {
    return this.state.deactivatedAt;
  }
  get createdAt(): Date {
    return this.state.createdAt;
  }
  get updatedAt(): Date {
    return this.state.updatedAt;
  }

  snapshot(): Readonly<UserAccountState> {
    return { ...this.state };
  }
}
