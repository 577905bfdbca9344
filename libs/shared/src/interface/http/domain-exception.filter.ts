import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  BusinessRuleError,
  ConflictError,
  DomainError,
  ForbiddenError,
  NotFoundError,
  ServiceUnavailableError,
  TooManyRequestsError,
  UnauthenticatedError,
  ValidationFailedError,
} from '../../domain/domain-error';
import { ErrorBody, INTERNAL_ERROR, titleForStatus } from './error-body';

interface Mapped {
  status: number;
  body: ErrorBody;
  retryAfter?: number;
}

function mapDomainError(error: DomainError): Mapped | undefined {
  if (error instanceof ValidationFailedError) {
    return { status: 400, body: { error: 'Validation failed', details: error.details } };
  }
  if (error instanceof BusinessRuleError) {
    const body: ErrorBody = { error: error.title, message: error.message };
    return { status: 400, body: error.details ? { ...body, details: error.details } : body };
  }
  if (error instanceof UnauthenticatedError)
    return { status: 401, body: { error: error.title, message: error.message } };
  if (error instanceof ForbiddenError)
    return { status: 403, body: { error: error.title, message: error.message } };
  if (error instanceof NotFoundError)
    return { status: 404, body: { error: error.title, message: error.message } };
  if (error instanceof ConflictError)
    return { status: 409, body: { error: error.title, message: error.message } };
  if (error instanceof TooManyRequestsError) {
    return {
      status: 429,
      body: { error: 'Too many requests', message: error.message },
      retryAfter: error.retryAfterSeconds,
    };
  }
  if (error instanceof ServiceUnavailableError) {
    return {
      status: 503,
      body: { error: 'Service unavailable', message: error.message },
      retryAfter: error.retryAfterSeconds,
    };
  }
  return undefined;
}

function mapHttpException(exception: HttpException): Mapped {
  const status = exception.getStatus();
  const response = exception.getResponse();
  if (typeof response === 'object' && response !== null && 'details' in response && 'error' in response) {
    return { status, body: response as ErrorBody };
  }
  const raw = typeof response === 'string' ? response : (response as { message?: unknown }).message;
  const message = Array.isArray(raw) ? raw.join('; ') : typeof raw === 'string' ? raw : exception.message;
  return {
    status,
    body: { error: titleForStatus(status), message: status >= 500 ? INTERNAL_ERROR.message : message },
  };
}

/** Errors raised by Fastify itself (body parsing, size limits) carry a statusCode. */
function mapFrameworkError(error: unknown): Mapped | undefined {
  const status = (error as { statusCode?: unknown })?.statusCode;
  if (typeof status !== 'number' || status < 400 || status >= 500) return undefined;
  const code = (error as { code?: string }).code;
  const messages: Record<string, string> = {
    FST_ERR_CTP_BODY_TOO_LARGE: 'The request body is larger than the allowed limit',
    FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Unsupported content type; send application/json',
    FST_ERR_CTP_EMPTY_JSON_BODY: 'The request body is empty but the content type is application/json',
    FST_ERR_CTP_INVALID_JSON_BODY: 'The request body is not valid JSON',
  };
  const fallback = status === 400 ? 'The request body is not valid JSON' : (error as Error).message;
  return { status, body: { error: titleForStatus(status), message: messages[code ?? ''] ?? fallback } };
}

/**
 * The single place where errors become HTTP: DomainError subclasses by type, Nest's HTTP exceptions
 * by status, framework errors by their status; anything else is a 500 with no internal detail.
 */
@Catch()
export class DomainExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const request = context.getRequest<FastifyRequest>();
    const reply = context.getResponse<FastifyReply>();
    const mapped = this.map(exception, request);
    if (mapped.retryAfter !== undefined)
      void reply.header('Retry-After', String(Math.max(1, Math.ceil(mapped.retryAfter))));
    void reply.status(mapped.status).send({ ...mapped.body, request_id: String(request.id) });
  }

  map(exception: unknown, request: FastifyRequest): Mapped {
    const mapped =
      (exception instanceof DomainError ? mapDomainError(exception) : undefined) ??
      (exception instanceof HttpException ? mapHttpException(exception) : undefined) ??
      mapFrameworkError(exception);
    if (mapped && mapped.status < 500) return mapped;
    this.logger.error(
      { err: exception, request_id: String(request.id), method: request.method, url: request.url },
      'Unhandled error while serving a request',
    );
    return mapped && mapped.status === 503 ? mapped : { status: 500, body: { ...INTERNAL_ERROR } };
  }
}
