import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';

export class ErrorResponse {
  @ApiProperty({ example: 'Invalid credentials' }) error: string;
  @ApiProperty({ example: 'Email or password is incorrect' }) message: string;
  @ApiPropertyOptional({ example: 'a5a1c7e0-4f8e-4b7e-9d64-0f3f7e9a2f11' }) request_id?: string;
}

export class ValidationErrorResponse {
  @ApiProperty({ example: 'Validation failed' }) error: string;
  @ApiProperty({
    example: {
      email: ['This field is required.'],
      password: ['Password must contain at least one uppercase letter'],
    },
  })
  details: Record<string, string[]>;
  @ApiPropertyOptional() request_id?: string;
}

const EXAMPLES: Record<number, { description: string; example: object }> = {
  400: {
    description: 'Validation failed: every offending field with all its messages',
    example: { error: 'Validation failed', details: { email: ['This field is required.'] } },
  },
  401: {
    description: 'Missing, invalid, expired or revoked credentials',
    example: { error: 'Invalid credentials', message: 'Email or password is incorrect' },
  },
  403: {
    description: 'Authenticated but not allowed (admin routes: the caller is not an admin)',
    example: { error: 'Forbidden', message: 'This action requires the admin role' },
  },
  404: { description: 'Not found', example: { error: 'Not found', message: 'Resource not found' } },
  409: {
    description: 'Conflict',
    example: { error: 'User already exists', message: 'A user with this email already exists' },
  },
  413: {
    description: 'Body over 1 MB',
    example: { error: 'Payload too large', message: 'The request body is larger than the allowed limit' },
  },
  429: {
    description: 'Too many attempts; see Retry-After',
    example: { error: 'Too many requests', message: 'Too many failed login attempts. Try again later.' },
  },
  500: {
    description: 'Unexpected error (no internal detail)',
    example: { error: 'Internal server error', message: 'An unexpected error occurred' },
  },
  503: {
    description: 'A dependency is unavailable or the service is saturated; see Retry-After',
    example: {
      error: 'Service unavailable',
      message: 'The authentication service is busy; please retry shortly',
    },
  },
};

/** Documents the contract's error bodies for the listed statuses in the OpenAPI console. */
export function ApiErrors(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: EXAMPLES[status]?.description ?? 'Error',
        type: status === 400 ? ValidationErrorResponse : ErrorResponse,
        example: EXAMPLES[status]?.example,
      }),
    ),
  );
}
