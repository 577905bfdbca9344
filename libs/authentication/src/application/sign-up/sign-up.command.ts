import type { ClientContext } from '../ports/identity-provider';

export class SignUpCommand {
  constructor(
    readonly fullName: string,
    readonly email: string,
    readonly password: string,
    readonly dateOfBirth: string,
    readonly client: ClientContext = {},
  ) {}
}
