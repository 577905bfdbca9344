import type { Principal } from '../ports/identity-provider';

export class ChangePasswordCommand {
  constructor(
    readonly principal: Principal,
    readonly currentPassword: string,
    readonly newPassword: string,
  ) {}
}
