/**
 * The one error strategy: application and domain code throw DomainError subclasses with a stable
 * code; a single exception filter maps them to HTTP. Nothing below the interface layer knows HTTP.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Input that breaks a rule; `details` maps every offending field to its messages. */
export class ValidationFailedError extends DomainError {
  readonly code = 'VALIDATION_FAILED';

  constructor(readonly details: Record<string, string[]>) {
    super('Validation failed');
  }
}

/** Collects failures of several fields so they are all reported at once. */
export class ValidationCollector {
  private readonly details: Record<string, string[]> = {};

  /** Runs `factory`; on a ValidationFailedError its messages are filed under `field`. */
  attempt<T>(field: string, factory: () => T): T | undefined {
    try {
      return factory();
    } catch (error) {
      if (!(error instanceof ValidationFailedError)) throw error;
      for (const messages of Object.values(error.details)) this.add(field, ...messages);
      return undefined;
    }
  }

  add(field: string, ...messages: string[]): void {
    (this.details[field] ??= []).push(...messages);
  }

  throwIfAny(): void {
    if (Object.keys(this.details).length > 0) throw new ValidationFailedError(this.details);
  }
}

export class UnauthenticatedError extends DomainError {
  readonly code: string = 'UNAUTHENTICATED';

  constructor(
    readonly title = 'Authentication required',
    message = 'A valid access token is required',
  ) {
    super(message);
  }
}

/** The caller is known but not allowed to do this (a non-admin on an admin route, a deactivated account). */
export class ForbiddenError extends DomainError {
  readonly code: string = 'FORBIDDEN';

  constructor(
    readonly title = 'Forbidden',
    message = 'You do not have permission to perform this action',
  ) {
    super(message);
  }
}

export class ConflictError extends DomainError {
  readonly code: string = 'CONFLICT';

  constructor(
    readonly title: string,
    message: string,
  ) {
    super(message);
  }
}

export class NotFoundError extends DomainError {
  readonly code: string = 'NOT_FOUND';

  constructor(
    readonly title: string,
    message: string,
  ) {
    super(message);
  }
}

export class TooManyRequestsError extends DomainError {
  readonly code: string = 'TOO_MANY_REQUESTS';

  constructor(
    readonly retryAfterSeconds: number,
    message = 'Too many attempts, please try again later',
  ) {
    super(message);
  }
}

/** A dependency (database, identity provider, hashing capacity) cannot serve right now. */
export class ServiceUnavailableError extends DomainError {
  readonly code = 'SERVICE_UNAVAILABLE';

  constructor(
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/**
 * A well-formed request that the current state does not allow (400), e.g. completing an onboarding
 * with steps still missing: `{error: title, message, details}`.
 */
export class BusinessRuleError extends DomainError {
  readonly code: string = 'BUSINESS_RULE';

  constructor(
    readonly title: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}
