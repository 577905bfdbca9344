/** The contract's error bodies: `{error, message}` or `{error, details}`, with the request id. */
export interface ErrorBody {
  error: string;
  message?: string;
  details?: Record<string, unknown>;
  request_id?: string;
}

export const INTERNAL_ERROR: ErrorBody = {
  error: 'Internal server error',
  message: 'An unexpected error occurred',
};

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Authentication required',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  408: 'Request timeout',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable entity',
  429: 'Too many requests',
  503: 'Service unavailable',
};

export function titleForStatus(status: number): string {
  return TITLES[status] ?? (status >= 500 ? INTERNAL_ERROR.error : 'Request failed');
}
