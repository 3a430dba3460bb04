/**
 * The first check on every HTTP request: a path, or a cookie the server reads, whose percent
 * escapes do not decode (`GET /%E0`, `Cookie: bis_session=%E0`) is answered 400 with a message
 * saying what is wrong, before any handler decodes it. Decoding it deeper down threw a URIError,
 * which answered 500 and logged a stack trace on every such request.
 */
import type { MiddlewareHandler } from 'hono';
import { ApiError } from './api/errors';
import { readCookie } from './auth/auth';
import { SESSION_COOKIE } from './auth/principal';

// The raw path as sent (still escaped), without the query.
const rawPath = (url: string): string => {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  if (start < 0) return '/';
  const end = url.search(/[?#]/);
  return end < 0 || end < start ? url.slice(start) : url.slice(start, end);
};

const decodes = (s: string): boolean => {
  try {
    decodeURIComponent(s);
    return true;
  } catch {
    return false;
  }
};

// What a message may quote of a hostile path: short, printable.
const quoted = (s: string): string => JSON.stringify(s.length > 80 ? `${s.slice(0, 80)}…` : s);

/** Answers 400 to requests whose path or session cookie holds a malformed percent escape. */
export const refuseMalformedEscapes = (): MiddlewareHandler => async (c, next) => {
  const path = rawPath(c.req.url);
  if (!decodes(path))
    throw new ApiError(
      400,
      'bad_path',
      `The path ${quoted(path)} has a malformed percent escape: "%" must be followed by two hex digits of UTF-8.`,
    );
  let cookieOk = true;
  try {
    readCookie(c.req.header('cookie') ?? null, SESSION_COOKIE);
  } catch {
    cookieOk = false;
  }
  if (!cookieOk) {
    // Cleared, so that the browser holding it can sign in again instead of being refused forever.
    c.header('Set-Cookie', `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`);
    throw new ApiError(
      400,
      'bad_cookie',
      `The ${SESSION_COOKIE} cookie has a malformed percent escape; it was cleared: sign in again.`,
    );
  }
  await next();
};
