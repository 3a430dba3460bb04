/**
 * Secrets: random tokens handed to people (invitation links, session cookies, API tokens) and
 * the hashes the database keeps instead of them, so a copy of the database signs nobody in.
 */
import { createHash, randomBytes } from 'node:crypto';

/** A fresh unguessable token (256 bits, base64url). */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** A short random id for records (users, processes, proposals): 16 base64url characters. */
export const newId = (): string => randomBytes(12).toString('base64url');

/** The SHA-256 of a token, hex: what the database stores. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
