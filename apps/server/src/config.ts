/**
 * Server settings: every limit and knob in one place, read from the environment with defaults.
 *
 * Only this module (and `cli/serve.ts`) reads `process.env`; everything else receives a `Config`.
 */
import { resolve } from 'node:path';

/** All settings of one server instance. */
export interface Config {
  /** TCP port; 0 picks a free one (tests). */
  readonly port: number;
  /** Interface to bind. */
  readonly host: string;
  /** Folder for `bis.sqlite` and other state. */
  readonly dataDir: string;
  /** PostgreSQL URL, when set (not implemented yet: the SQLite store is used and a warning printed). */
  readonly databaseUrl: string | null;
  /** Redis URL for the multi-process update bus, when set. */
  readonly redisUrl: string | null;
  /** Sets the administrator's API token (scripted set-ups). */
  readonly adminToken: string | null;
  /** The URL people reach the server at; sign-in links are printed with it. */
  readonly publicUrl: string | null;
  /** Origins allowed to open a WebSocket and to send cookie-authenticated writes; empty = same host only. */
  readonly allowedOrigins: readonly string[];
  /** Largest REST request body, in bytes. */
  readonly maxBodyBytes: number;
  /** Largest imported file (text or JSON), in bytes. */
  readonly maxImportBytes: number;
  /** Per-principal (session, token or address) request budget per window. */
  readonly rateLimit: { readonly max: number; readonly windowMs: number };
  /** Session lifetime in milliseconds. */
  readonly sessionTtlMs: number;
  /** Invitation link lifetime in milliseconds. */
  readonly invitationTtlMs: number;
  /** Seed the demo process into an empty database. */
  readonly demo: boolean;
  /** Folder with the built web app (`apps/web/dist`). */
  readonly webDist: string;
  /** Folder with the seed fixtures used by the demo. */
  readonly fixturesDir: string;
}

/** Settings that callers (CLI flags, tests) can override. */
export type ConfigOverrides = Partial<{ -readonly [K in keyof Config]: Config[K] }>;

const repoRoot = resolve(import.meta.dirname, '../../..');

const int = (env: NodeJS.ProcessEnv, name: string, fallback: number): number => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
};

const str = (env: NodeJS.ProcessEnv, name: string): string | null => {
  const raw = env[name];
  return raw === undefined || raw === '' ? null : raw;
};

/** Reads the settings from `env` (default `process.env`), then applies `overrides`. */
export const loadConfig = (overrides: ConfigOverrides = {}, env: NodeJS.ProcessEnv = process.env): Config => {
  const publicUrl = str(env, 'BIS_PUBLIC_URL');
  const origins = (str(env, 'BIS_ALLOWED_ORIGINS') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (publicUrl) origins.push(new URL(publicUrl).origin);
  const base: Config = {
    port: int(env, 'PORT', 8080),
    host: str(env, 'HOST') ?? '0.0.0.0',
    dataDir: resolve(str(env, 'DATA_DIR') ?? './data'),
    databaseUrl: str(env, 'DATABASE_URL'),
    redisUrl: str(env, 'REDIS_URL'),
    adminToken: str(env, 'BIS_ADMIN_TOKEN'),
    publicUrl,
    allowedOrigins: origins,
    maxBodyBytes: int(env, 'BIS_MAX_BODY_BYTES', 2 * 1024 * 1024),
    maxImportBytes: int(env, 'BIS_MAX_IMPORT_BYTES', 2 * 1024 * 1024),
    rateLimit: {
      max: int(env, 'BIS_RATE_LIMIT_MAX', 300),
      windowMs: int(env, 'BIS_RATE_LIMIT_WINDOW_MS', 60_000),
    },
    sessionTtlMs: int(env, 'BIS_SESSION_TTL_MS', 14 * 24 * 3600_000),
    invitationTtlMs: int(env, 'BIS_INVITATION_TTL_MS', 7 * 24 * 3600_000),
    demo: false,
    webDist: resolve(repoRoot, 'apps/web/dist'),
    fixturesDir: resolve(repoRoot, 'fixtures'),
  };
  const merged = { ...base, ...stripUndefined(overrides) };
  if (overrides.dataDir !== undefined) merged.dataDir = resolve(overrides.dataDir);
  return merged;
};

const stripUndefined = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
