/**
 * The request bodies of the REST API, as zod schemas (also the source of the OpenAPI document).
 */
import { DRAFT_LIMITS } from '@bis/collab';
import { ACTIONS, DECISIONS, STAKEHOLDER_GROUPS } from '@bis/core';
import { z } from 'zod';
import { ROLES } from '../db/types';

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, "-" or "_"');
const name = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

/** POST /api/processes, the fields beside the base text (also those of a .docx upload). */
export const CreateProcessFields = z
  .object({
    id: id.optional(),
    title: name.optional(),
    symbol: z.string().max(100).optional(),
    public: z.boolean().optional(),
    revisionName: name.optional(),
    fileName: z.string().max(200).optional(),
  })
  .strict();

/** POST /api/processes */
export const CreateProcessBody = z
  .object({
    id: id.optional(),
    title: name.optional(),
    symbol: z.string().max(100).optional(),
    public: z.boolean().optional(),
    revisionName: name.optional(),
    document: z.unknown().optional().describe('The base text as bis.document/1 JSON'),
    text: z
      .string()
      .optional()
      .describe('The base text as a .txt or .md file (a .docx goes as the multipart "file" field)'),
    fileName: z.string().max(200).optional(),
  })
  .strict()
  .refine((b) => (b.document === undefined) !== (b.text === undefined), {
    message: 'give exactly one of "document" (bis.document/1 JSON) or "text" (a .txt or .md file)',
    path: ['document'],
  });

/** POST /api/processes/{pid}/parties */
export const CreatePartyBody = z
  .object({
    id: id.optional(),
    name,
    group: z.enum(STAKEHOLDER_GROUPS),
    region: z.string().max(100).nullable().optional(),
  })
  .strict();

/** POST /api/processes/{pid}/invitations */
export const InviteBody = z
  .object({
    name,
    email: z.email().nullable().optional(),
    role: z.enum(ROLES).optional(),
    party: id.optional(),
    userId: id.optional(),
  })
  .strict();

/** PUT and DELETE /api/processes/{pid}/roles */
export const RoleBody = z.object({ userId: id, role: z.enum(ROLES) }).strict();

/** PUT and DELETE /api/processes/{pid}/parties/{party}/members */
export const MemberBody = z.object({ userId: id }).strict();

// The limits are collab's DRAFT_LIMITS: what a draft written through Yjs may hold is what a REST
// body may, and tabling checks a draft against this same schema (`TabledDraft`).
const L = DRAFT_LIMITS;
const target = z
  .object({
    paragraph: z.string().max(L.targetParagraph).nullable(),
    label: z.string().max(L.targetLabel),
    point: z.string().max(L.targetPoint).nullable(),
  })
  .strict();

/** POST /api/processes/{pid}/parties/{party}/drafts */
export const DraftBody = z
  .object({
    action: z.enum(ACTIONS),
    targets: z.array(target).min(1, 'name at least one target paragraph').max(L.targets),
    position: z.enum(['after', 'before']).nullable().default(null),
    label: z.string().trim().min(1, 'must not be empty').max(L.label),
    summary: z.string().max(L.summary).default(''),
    textMode: z.enum(['replace', 'append']).default('replace'),
    text: z.string().max(L.text).default(''),
    rationale: z.string().max(L.rationale).default(''),
    links: z
      .array(z.object({ to: id, note: z.string().max(L.linkNote) }).strict())
      .max(L.links)
      .default([]),
  })
  .strict();

/**
 * POST …/drafts: a draft's fields, and `another` to start a second draft when the party already
 * has one with the same action on the same paragraph (by default that one is returned).
 */
export const NewDraftBody = DraftBody.extend({
  another: z
    .boolean()
    .optional()
    .describe('Start another draft even when one with the same action on the same paragraph is open'),
}).strict();

/** A draft as tabling reads it from the workspace: the REST body's fields and rules. */
export const TabledDraft = DraftBody.required();

/** POST /api/processes/{pid}/parties/{party}/imports */
export const ImportBody = z
  .object({
    text: z.string().min(1, 'must not be empty'),
    fileName: z.string().max(200).optional(),
    resolve: z
      .boolean()
      .optional()
      .describe('Resolve labels against the current revision (default: keep them as written)'),
    lenient: z
      .boolean()
      .optional()
      .describe(
        'Import even when lines name a paragraph but were not understood; they are returned as warnings (default: refuse)',
      ),
  })
  .strict();

/** POST and DELETE /api/processes/{pid}/proposals/{id}/supporters and …/co-sponsors */
export const EndorseBody = z.object({ party: id }).strict();

/** POST /api/processes/{pid}/proposals/{id}/decision */
export const DecisionBody = z
  .object({ decision: z.enum(DECISIONS), note: z.string().max(5000).optional(), relatedTo: id.optional() })
  .strict();

/** POST /api/me/tokens */
export const TokenBody = z.object({ label: name }).strict();

/** PUT /api/processes/{pid}/public */
export const PublicBody = z.object({ public: z.boolean() }).strict();
