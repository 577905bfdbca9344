import type { ClientContext } from '../ports/identity-provider';

export class LogInCommand {
  constructor(
    readonly email: string,
    readonly password: string,
    readonly client: ClientContext = {},
  ) {}
}
