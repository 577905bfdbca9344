export class CreateAdminCommand {
  constructor(
    readonly fullName: string,
    readonly email: string,
    readonly password: string,
    readonly dateOfBirth: string,
  ) {}
}
