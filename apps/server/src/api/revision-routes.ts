/**
 * The REST routes of revisions: the next revision (open, apply, by hand, paragraph status and
 * brackets, publish), tabling freeze and deadline, published revisions' concordance, input
 * report, comparison (JSON and exports) and carried-over proposals.
 */
import { BisInputError } from '@bis/core';
import {
  COMPARE_FORMATS,
  type CompareFormat,
  compareDocuments,
  compareDocumentsAs,
  toCsv,
} from '@bis/formats';
import type { Context } from 'hono';
import type { z } from 'zod';
import type { Principal } from '../auth/principal';
import { readableProcess, requireMember, type Services } from '../commands/context';
import {
  ApplyBody,
  applyByHand,
  applyToNext,
  ByHandBody,
  carriedOver,
  carryIntoWorkspace,
  getCarried,
  getConcordance,
  getReport,
  OpenBody,
  openNext,
  ParagraphBody,
  PublishBody,
  publishNext,
  revisionPair,
  setParagraph,
  setTabling,
  TablingBody,
  viewNext,
} from '../commands/revisions';
import { invalid } from './errors';
import type { Registry } from './registry';
import { check, jsonBody } from './validate';

const who = (c: Context): Principal | null => c.get('principal') as Principal | null;
const param = (c: Context, name: string): string => c.req.param(name) ?? '';
const number = (c: Context, name: string): number => {
  const n = Number(param(c, name));
  if (!Number.isInteger(n) || n < 0) throw invalid(`"${name}" must be a revision number: 0, 1, 2 …`, name);
  return n;
};

// Commands whose body is all optional accept an empty request too.
const optionalBody = async <S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> => {
  const raw = await c.req.text();
  if (raw.trim() === '') return check(schema, {}, 'body');
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw invalid('The request body must be JSON (Content-Type: application/json).', 'body');
  }
  return check(schema, value, 'body');
};

const download = (c: Context, name: string, mediaType: string, data: string | Uint8Array) => {
  c.header('Content-Type', mediaType);
  c.header('Content-Disposition', `attachment; filename="${name}"`);
  return c.body(typeof data === 'string' ? data : new Uint8Array(data));
};

/** Declares the revision routes on `r`. */
export const registerRevisionRoutes = (r: Registry, svc: Services): void => {
  const P = '/api/processes/:pid';
  const chairs = 'co-facilitators, secretariat';

  r.add(
    {
      method: 'get',
      path: `${P}/next`,
      summary: 'The next revision: working text, provenance, statuses, candidates',
      who: chairs,
    },
    async (c) => c.json(await viewNext(svc, who(c), param(c, 'pid'))),
  );
  r.add(
    {
      method: 'post',
      path: `${P}/next`,
      summary: 'Open the next revision (a working copy of the current one)',
      who: chairs,
      body: OpenBody,
    },
    async (c) => {
      const { reset } = await optionalBody(c, OpenBody);
      return c.json(await openNext(svc, who(c), param(c, 'pid'), reset === true), 201);
    },
  );
  r.add(
    {
      method: 'post',
      path: `${P}/next/proposals/:id/apply`,
      summary: 'Apply an accepted proposal to the next revision (409 with the conflicts when it cannot)',
      who: chairs,
      body: ApplyBody,
    },
    async (c) => {
      const { force } = await optionalBody(c, ApplyBody);
      const out = await applyToNext(svc, who(c), param(c, 'pid'), param(c, 'id'), { force });
      if (out.ok) return c.json(out);
      const message = `Not applied: ${out.conflicts.map((x) => x.kind).join(', ')}.`;
      return c.json({ error: { code: 'conflict', message }, conflicts: out.conflicts }, 409);
    },
  );
  r.add(
    {
      method: 'post',
      path: `${P}/next/proposals/:id/by-hand`,
      summary: 'Record a proposal as applied by the chairs by hand (conflict resolved by editing)',
      who: chairs,
      body: ByHandBody,
    },
    async (c) =>
      c.json(await applyByHand(svc, who(c), param(c, 'pid'), param(c, 'id'), await jsonBody(c, ByHandBody))),
  );
  r.add(
    {
      method: 'put',
      path: `${P}/next/paragraphs/:para`,
      summary: "Set a paragraph's status (pending, agreed-ad-ref, agreed) and bracketed passages",
      who: chairs,
      body: ParagraphBody,
    },
    async (c) =>
      c.json({
        paragraph: await setParagraph(
          svc,
          who(c),
          param(c, 'pid'),
          param(c, 'para'),
          await jsonBody(c, ParagraphBody),
        ),
      }),
  );
  r.add(
    {
      method: 'post',
      path: `${P}/next/publish`,
      summary: 'Publish the next revision as Rev.N: renumbered, frozen, with its concordance',
      who: chairs,
      body: PublishBody,
    },
    async (c) =>
      c.json(await publishNext(svc, who(c), param(c, 'pid'), await optionalBody(c, PublishBody)), 201),
  );
  r.add(
    {
      method: 'put',
      path: `${P}/tabling`,
      summary: 'Freeze the current revision to new proposals, or reopen it; set the tabling deadline',
      who: chairs,
      body: TablingBody,
    },
    async (c) => c.json(setTabling(svc, who(c), param(c, 'pid'), await jsonBody(c, TablingBody))),
  );
  r.add(
    {
      method: 'get',
      path: `${P}/revisions/:n/concordance`,
      summary: 'The concordance of a published revision (old label → new label, with the proposals behind)',
      who: 'participants; anyone if public',
    },
    (c) => c.json({ rows: getConcordance(svc, who(c), param(c, 'pid'), number(c, 'n')) }),
  );
  r.add(
    {
      method: 'get',
      path: `${P}/revisions/:n/report`,
      summary: 'The input report of a published revision: each proposal, its decision, where it landed',
      who: 'participants; anyone if public',
    },
    (c) => {
      const rows = getReport(svc, who(c), param(c, 'pid'), number(c, 'n'));
      if (c.req.query('format') !== 'csv') return c.json({ rows });
      const csv = toCsv([
        ['Proposal', 'Party', 'Action', 'Label', 'Summary', 'Decision', 'Note', 'Outcome', 'Landed in'],
        ...rows.map((x) => [
          x.proposal,
          x.party,
          x.action,
          x.label,
          x.summary,
          x.decision ?? '',
          x.decisionNote,
          x.outcome,
          x.landed.join('; '),
        ]),
      ]);
      return download(
        c,
        `${param(c, 'pid')}-rev${param(c, 'n')}-input-report.csv`,
        'text/csv; charset=utf-8',
        csv,
      );
    },
  );
  r.add(
    {
      method: 'get',
      path: `${P}/revisions/:n/carried`,
      summary:
        'What publication did with the proposals not applied: carried over to this revision by content, or not placed',
      who: 'participants; anyone if public',
    },
    (c) => c.json({ entries: getCarried(svc, who(c), param(c, 'pid'), number(c, 'n')) }),
  );
  r.add(
    {
      method: 'get',
      path: `${P}/compare/:a/:b`,
      summary: 'Compare two published revisions, paragraph by paragraph (aligned by stable ids)',
      who: 'participants; anyone if public',
    },
    (c) => {
      const pair = revisionPair(svc, who(c), param(c, 'pid'), number(c, 'a'), number(c, 'b'));
      const cmp = compareDocuments(pair.old, pair.new);
      return c.json({
        old: pair.old.revision,
        new: pair.new.revision,
        alignedBy: cmp.alignedBy,
        rows: cmp.rows.map((x) => ({
          kind: x.kind,
          id: x.new?.id ?? x.old?.id ?? null,
          oldLabel: x.old?.label ?? null,
          newLabel: x.new?.label ?? null,
          runs: x.runs,
        })),
      });
    },
  );
  r.add(
    {
      method: 'get',
      path: `${P}/compare/:a/:b/:format`,
      summary: `Download a comparison of two revisions: format ${COMPARE_FORMATS.join('|')} (DOCX with Word revisions)`,
      who: 'participants; anyone if public',
      produces: 'application/octet-stream',
    },
    async (c) => {
      const format = param(c, 'format') as CompareFormat;
      if (!COMPARE_FORMATS.includes(format))
        throw invalid(`Unknown format "${format}"; use one of ${COMPARE_FORMATS.join(', ')}.`, 'format');
      const pair = revisionPair(svc, who(c), param(c, 'pid'), number(c, 'a'), number(c, 'b'));
      let file: Awaited<ReturnType<typeof compareDocumentsAs>>;
      try {
        file = await compareDocumentsAs(pair.old, pair.new, format);
      } catch (e) {
        if (e instanceof BisInputError) throw invalid(e.message, e.path || null);
        throw e;
      }
      const name = `${param(c, 'pid')}-rev${param(c, 'a')}-rev${param(c, 'b')}.${file.extension}`;
      return download(c, name, file.mediaType, file.data);
    },
  );
  r.add(
    {
      method: 'get',
      path: `${P}/parties/:party/carried-over`,
      summary: "A party's unapplied proposals of the previous revision, retargeted to the current one",
      who: 'members of the party',
    },
    (c) => {
      const pid = param(c, 'pid');
      readableProcess(svc, who(c), pid);
      const party = requireMember(svc, who(c), pid, param(c, 'party'));
      return c.json({ proposals: carriedOver(svc, who(c), pid, party.id) });
    },
  );
  r.add(
    {
      method: 'post',
      path: `${P}/parties/:party/carried-over/:id`,
      summary:
        'Copy a carried-over proposal into the party workspace as a draft against the current revision',
      who: 'members of the party',
    },
    async (c) =>
      c.json(await carryIntoWorkspace(svc, who(c), param(c, 'pid'), param(c, 'party'), param(c, 'id')), 201),
  );
};
