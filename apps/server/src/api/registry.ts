/**
 * A small route registry: every REST route is declared once with its summary and body schema,
 * mounted on Hono from that declaration, and described in the OpenAPI document from the same
 * list, so the document cannot forget a route.
 */
import type { Context, Hono } from 'hono';
import { z } from 'zod';

/** HTTP methods the API uses. */
export type Method = 'get' | 'post' | 'put' | 'delete';

/** One declared route. */
export interface RouteSpec {
  readonly method: Method;
  /** Hono-style path: `/api/processes/:pid`. */
  readonly path: string;
  readonly summary: string;
  /** Who may call it, in words (shown in the OpenAPI description). */
  readonly who: string;
  readonly body?: z.ZodType;
  /** Also accepts `multipart/form-data` with the file in `file` (it becomes `text` and `fileName`). */
  readonly upload?: boolean;
  /** For downloads: the media type of the success response. */
  readonly produces?: string;
  /** The status of success, when not 200 (201 for a creation). */
  readonly status?: 200 | 201;
  /** The JSON body of success, when the OpenAPI document describes it. */
  readonly response?: z.ZodType;
  /** Optional query parameters: name → what it does. */
  readonly query?: Readonly<Record<string, string>>;
}

/** Collects route declarations and mounts them on an app. */
export class Registry {
  readonly routes: RouteSpec[] = [];
  constructor(private readonly app: Hono) {}

  /** Declares and mounts a route. */
  add(spec: RouteSpec, handler: (c: Context) => Response | Promise<Response>): void {
    this.routes.push(spec);
    this.app.on(spec.method.toUpperCase(), spec.path, handler);
  }
}

const toOpenApiPath = (path: string): string => path.replace(/:([A-Za-z]+)/g, '{$1}');

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'string' }, message: { type: 'string' }, field: { type: 'string' } },
    },
  },
};

/** Builds the OpenAPI 3.1 document of the declared routes. */
export const openApiDocument = (routes: readonly RouteSpec[], version: string): Record<string, unknown> => {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = toOpenApiPath(r.path);
    const params: Record<string, unknown>[] = [
      ...[...r.path.matchAll(/:([A-Za-z]+)/g)].map((m) => ({
        name: m[1],
        in: 'path',
        required: true,
        schema: { type: 'string' },
      })),
      ...Object.entries(r.query ?? {}).map(([name, description]) => ({
        name,
        in: 'query',
        required: false,
        description,
        schema: { type: 'string' },
      })),
    ];
    const op: Record<string, unknown> = {
      summary: r.summary,
      description: `Who may call it: ${r.who}.`,
      operationId: `${r.method}${path.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase())}`,
      parameters: params,
      responses: {
        [String(r.status ?? 200)]: {
          description: r.status === 201 ? 'Created' : 'Success',
          content: {
            [r.produces ?? 'application/json']: r.response
              ? { schema: z.toJSONSchema(r.response, { io: 'output', unrepresentable: 'any' }) }
              : {},
          },
        },
        default: { description: 'An error', content: { 'application/json': { schema: errorSchema } } },
      },
    };
    if (r.body) {
      op.requestBody = {
        required: true,
        content: {
          'application/json': { schema: z.toJSONSchema(r.body, { io: 'input', unrepresentable: 'any' }) },
        },
      };
    }
    paths[path] = { ...(paths[path] ?? {}), [r.method]: op };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Bis API',
      version,
      description:
        'Commands on negotiation processes. Authenticate with the session cookie set by an invitation link ' +
        '(open /signin/{token}, then POST it with the button) or with "Authorization: Bearer <API token>". Errors are JSON: ' +
        '{"error": {"code", "message", "field"}}.',
    },
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'bis_session' },
        token: { type: 'http', scheme: 'bearer' },
      },
    },
    security: [{ session: [] }, { token: [] }],
    paths,
  };
};
