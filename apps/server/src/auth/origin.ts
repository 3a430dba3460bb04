/**
 * The one `Origin` check of the server: cookie-authenticated REST writes and the sign-in form
 * (CSRF), and WebSocket upgrades (cross-site WebSocket hijacking) ask the same question, so an
 * origin refused on one is refused on the other. An origin is a scheme, a host and a port:
 * `https://bis.example` is not `http://bis.example`.
 */
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { Context } from 'hono';

/**
 * Whether `origin` (an `Origin` header) is the server's own (`self`, e.g. `http://host:8080`) or
 * one of `allowed`. Compared as serialised origins, scheme included; a malformed or opaque
 * origin (`null`) is never allowed.
 */
export const isAllowedOrigin = (origin: string, self: string, allowed: readonly string[]): boolean => {
  let parsed: string;
  try {
    parsed = new URL(origin).origin;
  } catch {
    return false;
  }
  if (parsed === 'null') return false;
  return parsed === origin && (origin === self || allowed.includes(origin));
};

/**
 * The origin a Node request was made to, as @hono/node-server builds a request's URL: `https`
 * on a TLS socket, `http` otherwise, and the `Host` header.
 */
export const requestOrigin = (req: IncomingMessage): string => {
  const tls = (req.socket as TLSSocket | undefined)?.encrypted === true;
  const host = req.headers.host ?? 'localhost';
  try {
    return new URL(`${tls ? 'https' : 'http'}://${host}`).origin;
  } catch {
    return '';
  }
};

/**
 * The request's `Origin` when it is another site's (neither this server's nor one of `allowed`);
 * null when it is ours or the browser sent none.
 */
export const foreignOrigin = (c: Context, allowed: readonly string[]): string | null => {
  const origin = c.req.header('origin');
  if (!origin || isAllowedOrigin(origin, new URL(c.req.url).origin, allowed)) return null;
  return origin;
};
