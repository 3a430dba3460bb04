/**
 * The one error type of the HTTP edge. Commands throw it; `onError` turns it into
 * `{"error": {"code", "message", "field"?}}` with its status.
 */
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** A refused request, with a code scripts can branch on and a message a person can act on. */
export class ApiError extends HTTPException {
  /** Stable machine-readable code: `not_found`, `forbidden`, `invalid`, … */
  readonly code: string;
  /** The request field at fault, for validation errors (`body.title`). */
  readonly field: string | null;

  constructor(status: ContentfulStatusCode, code: string, message: string, field: string | null = null) {
    super(status, { message });
    this.code = code;
    this.field = field;
  }
}

/** 400: the request is malformed; `field` names what to fix. */
export const invalid = (message: string, field: string | null = null): ApiError =>
  new ApiError(400, 'invalid', message, field);
/** 401: nobody is signed in. */
export const unauthenticated = (): ApiError =>
  new ApiError(
    401,
    'unauthenticated',
    'Sign in first: open your invitation link, or send "Authorization: Bearer <token>".',
  );
/** 403: signed in, but not allowed to do this. */
export const forbidden = (message: string): ApiError => new ApiError(403, 'forbidden', message);
/** 404: no such thing (or not visible to this principal). */
export const notFound = (message: string): ApiError => new ApiError(404, 'not_found', message);
/** 409: the request conflicts with the current state (e.g. tabling a withdrawn proposal). */
export const conflict = (message: string): ApiError => new ApiError(409, 'conflict', message);
