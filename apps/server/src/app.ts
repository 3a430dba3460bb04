/**
 * The HTTP application (Hono): sign-in, the REST API with its OpenAPI document, and the web app.
 * Pure request → response, so tests call `app.request()` with no network.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { getConnInfo } from '@hono/node-server/conninfo';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { HTTPException } from 'hono/http-exception';
import { ApiError, forbidden, unauthenticated } from './api/errors';
import { RateLimiter } from './api/limits';
import { openApiDocument, Registry } from './api/registry';
import { type AppEnv, registerRoutes } from './api/routes';
import { readCookie } from './auth/auth';
import { foreignOrigin } from './auth/origin';
import { SESSION_COOKIE } from './auth/principal';
import { mountSignIn } from './auth/signin-routes';
import type { Services } from './commands/context';
import { refuseMalformedEscapes } from './request-guard';

/** The app and its declared REST routes (for the OpenAPI document and its test). */
export interface App {
  readonly app: Hono<AppEnv>;
  readonly registry: Registry;
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

const addressOf = (c: Context): string => {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'local'; // app.request() in tests: no socket
  }
};

const page = (title: string, body: string): string =>
  `<!doctype html><html lang="en"><meta charset="utf-8"><title>${title}</title>` +
  `<body style="font-family:system-ui;max-width:40em;margin:4em auto;line-height:1.5"><h1>${title}</h1>${body}</body></html>`;

/** Builds the HTTP application over the server's services. */
export const createApp = (svc: Services): App => {
  const app = new Hono<AppEnv>();
  const registry = new Registry(app as unknown as Hono);
  const limiter = new RateLimiter(svc.config.rateLimit.max, svc.config.rateLimit.windowMs, svc.now);

  app.onError((err, c) => {
    if (err instanceof ApiError) {
      return c.json(
        { error: { code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}) } },
        err.status,
      );
    }
    if (err instanceof HTTPException) {
      return c.json(
        { error: { code: `http_${err.status}`, message: err.message || 'Request refused.' } },
        err.status,
      );
    }
    console.error('bis: unexpected error on', c.req.method, c.req.path, err);
    return c.json(
      {
        error: {
          code: 'internal',
          message: 'Something went wrong on the server (it was logged). Reload and check before retrying.',
        },
      },
      500,
    );
  });
  app.notFound((c) =>
    c.json(
      {
        error: {
          code: 'not_found',
          message: `No route ${c.req.method} ${c.req.path}; see /api/openapi.json.`,
        },
      },
      404,
    ),
  );

  // Before anything decodes the path or the session cookie.
  app.use('*', refuseMalformedEscapes());

  // gzip for text, JSON and scripts when the browser accepts it (the app's script is 435 kB, a
  // large text's JSON several MB): what a delegation on a weak connection waits for. Word files are
  // zip archives already and pass through as they are.
  app.use('*', compress());

  // Who is asking: fresh from the db on every request.
  app.use('*', async (c, next) => {
    const cookie = c.req.header('cookie') ?? null;
    c.set('principal', svc.auth.identify({ cookie, authorization: c.req.header('authorization') ?? null }));
    const sid = readCookie(cookie, SESSION_COOKIE);
    if (sid) c.set('sessionId' as never, sid as never);
    await next();
  });

  app.use('/api/*', async (c, next) => {
    const p = c.get('principal');
    // Anonymous callers are counted by socket address (not X-Forwarded-For, which anyone can set).
    const key = p ? `${p.via}:${p.userId}` : `ip:${addressOf(c)}`;
    const wait = limiter.hit(key);
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      throw new ApiError(
        429,
        'rate_limited',
        `Too many requests: at most ${svc.config.rateLimit.max} per ${svc.config.rateLimit.windowMs / 1000} s. Try again in ${wait} s.`,
      );
    }
    // Every command needs a signed-in principal; say so before looking at the body.
    if (!SAFE.has(c.req.method) && !p) throw unauthenticated();
    // Cookie-authenticated writes must come from our own pages (CSRF); API tokens are not ambient.
    if (!SAFE.has(c.req.method) && p?.via === 'session') {
      const origin = foreignOrigin(c, svc.config.allowedOrigins);
      if (origin)
        throw forbidden(
          `Requests from ${origin} are not accepted; add it to BIS_ALLOWED_ORIGINS if it is yours.`,
        );
    }
    await next();
    // A command may have changed who may read what (a role revoked, a member removed from a
    // party, a sign-out): open WebSockets are checked again at once, not at their next message.
    if (!SAFE.has(c.req.method) && c.res.status < 400) svc.hub.recheckAccess();
  });
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: svc.config.maxBodyBytes,
      onError: () => {
        throw new ApiError(
          413,
          'too_large',
          `The request body is larger than ${svc.config.maxBodyBytes} bytes; send a smaller file or split it.`,
        );
      },
    }),
  );

  mountSignIn(app, svc, page);

  registerRoutes(registry, svc);
  app.get('/api/openapi.json', (c) => c.json(openApiDocument(registry.routes, '0.1.0')));

  mountWeb(app, svc.config.webDist);
  return { app, registry };
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

// Serves the built single-page app; unknown paths get index.html so client-side routes work.
const mountWeb = (app: Hono<AppEnv>, dist: string): void => {
  const root = resolve(dist);
  app.get('*', (c) => {
    const index = join(root, 'index.html');
    if (!existsSync(index)) {
      return c.html(
        page(
          'Bis server is running',
          '<p>The web app is not built yet (no <code>apps/web/dist</code>). Build it with <code>npm run build -w @bis/web</code>, or use the API: <a href="/api/openapi.json">/api/openapi.json</a>.</p>',
        ),
      );
    }
    const file = resolve(root, `.${decodeURIComponent(c.req.path)}`);
    const ext = file.slice(file.lastIndexOf('.'));
    if (file.startsWith(root + sep) && existsSync(file) && TYPES[ext]) {
      return c.body(readFileSync(file), 200, { 'Content-Type': TYPES[ext] });
    }
    return c.html(readFileSync(index, 'utf8'));
  });
};
