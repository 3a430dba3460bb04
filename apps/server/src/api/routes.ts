/**
 * The REST routes: each parses its input, calls one command and returns JSON.
 */
import { BisInputError, documentToJSON, type Proposal, paragraphId, proposalsIn, sectionOf } from '@bis/core';
import { EXPORT_FORMATS, EXPORT_VIEWS, type ExportFormat, type ExportView, exportView } from '@bis/formats';
import type { Context } from 'hono';
import type { Principal } from '../auth/principal';
import { audit, readableProcess, requireChair, requireUser, type Services } from '../commands/context';
import { reanchorSummary, tabledOnCurrent } from '../commands/export-bases';
import { createParty, invite, setMember, setRole } from '../commands/people';
import {
  createProcess,
  listProcesses,
  revisionDocument,
  setProcessPublic,
  viewProcess,
} from '../commands/processes';
import {
  decide,
  endorse,
  getDrafts,
  getProposal,
  importProposals,
  listProposals,
  startDraft,
  table,
  withdraw,
} from '../commands/proposals';
import { removeProposal, unreadableProposals } from '../commands/remove-proposal';
import { invalid } from './errors';
import { EXPORT_QUERY, exportFilter } from './export-filter';
import { readImport } from './import-body';
import { readCreateProcess } from './process-body';
import type { Registry } from './registry';
import { CreatedProcessResponse } from './responses';
import { registerRevisionRoutes } from './revision-routes';
import {
  CreatePartyBody,
  CreateProcessBody,
  DecisionBody,
  EndorseBody,
  ImportBody,
  InviteBody,
  MemberBody,
  NewDraftBody,
  PublicBody,
  RoleBody,
  TokenBody,
} from './schemas';
import { jsonBody } from './validate';

/** Hono's context variables set by the app's middleware. */
export interface AppEnv {
  Variables: { principal: Principal | null };
}

const who = (c: Context): Principal | null => c.get('principal') as Principal | null;

/** The path parameter `name` (always present on routes that declare it). */
const param = (c: Context, name: string): string => c.req.param(name) ?? '';

const signInUrl = (svc: Services, c: Context, path: string): string =>
  `${svc.config.publicUrl ?? new URL(c.req.url).origin}${path}`;

/** Declares every REST route on `r`. */
export const registerRoutes = (r: Registry, svc: Services): void => {
  const P = '/api/processes/:pid';

  r.add(
    { method: 'get', path: '/api/me', summary: 'Who you are, and your roles in each process', who: 'anyone' },
    (c) => {
      const p = who(c);
      if (!p) return c.json({ user: null, processes: [] });
      const processes = svc.db
        .listProcesses()
        .map((proc) => ({ id: proc.id, ...viewProcess(svc, p, proc.id).you }));
      return c.json({
        user: { id: p.userId, name: p.name, admin: p.admin, via: p.via },
        processes: processes.filter((x) => x.roles.length),
      });
    },
  );
  r.add(
    { method: 'post', path: '/api/signout', summary: 'End this session', who: 'a signed-in user' },
    (c) => {
      const sid = c.get('sessionId' as never) as string | undefined;
      if (sid) svc.auth.signOut(sid);
      c.header('Set-Cookie', 'bis_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0');
      return c.json({ ok: true });
    },
  );
  r.add(
    {
      method: 'post',
      path: '/api/me/tokens',
      summary: 'Create an API token for scripts (shown once)',
      who: 'a signed-in user',
      body: TokenBody,
    },
    async (c) => {
      const user = requireUser(who(c));
      const { label } = await jsonBody(c, TokenBody);
      const token = svc.db.transaction(() => {
        const t = svc.auth.issueApiToken(user.userId, label);
        audit(svc, user, null, 'token.create', { label });
        return t;
      });
      return c.json({ token, label });
    },
  );

  r.add({ method: 'get', path: '/api/processes', summary: 'The processes you can see', who: 'anyone' }, (c) =>
    c.json({ processes: listProcesses(svc, who(c)) }),
  );
  r.add(
    {
      method: 'post',
      path: '/api/processes',
      summary:
        'Create a process from a base text (document JSON, a text file or a .docx); the answer lists what the text import noted',
      who: 'administrators',
      body: CreateProcessBody,
      upload: true,
      status: 201,
      response: CreatedProcessResponse,
    },
    async (c) => c.json(await createProcess(svc, who(c), await readCreateProcess(c)), 201),
  );
  r.add(
    {
      method: 'get',
      path: P,
      summary: 'A process: revisions, parties and your roles',
      who: 'participants; anyone if public',
    },
    (c) => c.json(viewProcess(svc, who(c), param(c, 'pid'))),
  );
  r.add(
    {
      method: 'put',
      path: `${P}/public`,
      summary: 'Open the process to the public (read-only) or close it',
      who: 'secretariat, administrators',
      body: PublicBody,
    },
    async (c) =>
      c.json(setProcessPublic(svc, who(c), param(c, 'pid'), (await jsonBody(c, PublicBody)).public)),
  );
  r.add(
    {
      method: 'get',
      path: `${P}/revisions/:n/document`,
      summary: 'A published revision as bis.document/1 JSON',
      who: 'participants; anyone if public',
    },
    async (c) => {
      const n = Number(param(c, 'n'));
      if (!Number.isInteger(n) || n < 0) throw invalid('The revision number must be 0, 1, 2 …', 'n');
      return c.json(documentToJSON(revisionDocument(svc, who(c), param(c, 'pid'), n)));
    },
  );

  r.add(
    {
      method: 'get',
      path: `${P}/parties`,
      summary: 'The parties of a process',
      who: 'participants; anyone if public',
    },
    (c) => {
      readableProcess(svc, who(c), param(c, 'pid'));
      return c.json({ parties: svc.db.listParties(param(c, 'pid')) });
    },
  );
  r.add(
    {
      method: 'post',
      path: `${P}/parties`,
      summary: 'Add a party',
      who: 'secretariat, administrators',
      body: CreatePartyBody,
    },
    async (c) => c.json(createParty(svc, who(c), param(c, 'pid'), await jsonBody(c, CreatePartyBody)), 201),
  );
  r.add(
    {
      method: 'put',
      path: `${P}/parties/:party/members`,
      summary: 'Add a user to a party (delegate)',
      who: 'secretariat, administrators',
      body: MemberBody,
    },
    async (c) => {
      const { userId } = await jsonBody(c, MemberBody);
      setMember(svc, who(c), param(c, 'pid'), param(c, 'party'), { userId, member: true });
      return c.json({ ok: true });
    },
  );
  r.add(
    {
      method: 'delete',
      path: `${P}/parties/:party/members`,
      summary: 'Remove a user from a party',
      who: 'secretariat, administrators',
      body: MemberBody,
    },
    async (c) => {
      const { userId } = await jsonBody(c, MemberBody);
      setMember(svc, who(c), param(c, 'pid'), param(c, 'party'), { userId, member: false });
      return c.json({ ok: true });
    },
  );

  r.add(
    {
      method: 'post',
      path: `${P}/invitations`,
      summary: 'Invite a person (creates a one-time sign-in link)',
      who: 'secretariat, administrators',
      body: InviteBody,
    },
    async (c) => {
      const inv = invite(svc, who(c), param(c, 'pid'), await jsonBody(c, InviteBody));
      return c.json({ user: inv.user, link: signInUrl(svc, c, inv.path) }, 201);
    },
  );
  r.add({ method: 'get', path: `${P}/roles`, summary: 'Who holds which role', who: 'participants' }, (c) => {
    const pid = param(c, 'pid');
    readableProcess(svc, requireUser(who(c)), pid);
    return c.json({ roles: svc.db.listRoles(pid) });
  });
  for (const method of ['put', 'delete'] as const) {
    r.add(
      {
        method,
        path: `${P}/roles`,
        summary: method === 'put' ? 'Grant a role' : 'Revoke a role',
        who: 'secretariat, administrators',
        body: RoleBody,
      },
      async (c) => {
        const body = await jsonBody(c, RoleBody);
        setRole(svc, who(c), param(c, 'pid'), { ...body, granted: method === 'put' });
        return c.json({ ok: true });
      },
    );
  }

  r.add(
    {
      method: 'get',
      path: `${P}/parties/:party/drafts`,
      summary: "A party's drafts (from its workspace)",
      who: 'members of the party',
    },
    async (c) => c.json({ drafts: await getDrafts(svc, who(c), param(c, 'pid'), param(c, 'party')) }),
  );
  r.add(
    {
      method: 'post',
      path: `${P}/parties/:party/drafts`,
      summary: "Create a draft in a party's workspace",
      who: 'members of the party',
      body: NewDraftBody,
    },
    async (c) => {
      const { another, ...body } = await jsonBody(c, NewDraftBody);
      const targets = body.targets.map((t) => ({
        ...t,
        paragraph: t.paragraph === null ? null : paragraphId(t.paragraph),
      }));
      // 201 for a new draft; 200 with the open draft that already does the same.
      const { draft, created } = await startDraft(
        svc,
        who(c),
        param(c, 'pid'),
        param(c, 'party'),
        { ...body, targets },
        another === true,
      );
      return c.json(draft, created ? 201 : 200);
    },
  );
  r.add(
    {
      method: 'post',
      path: `${P}/parties/:party/drafts/:id/table`,
      summary: 'Table a draft: a frozen, numbered version goes into the compilation',
      who: 'members of the party',
    },
    async (c) => c.json(await table(svc, who(c), param(c, 'pid'), param(c, 'party'), param(c, 'id'))),
  );
  r.add(
    {
      method: 'post',
      path: `${P}/parties/:party/imports`,
      summary:
        "Import proposals into a party's workspace as drafts: written proposals as text, or a multipart file (.txt, .md, or a .docx comparison table or track-changed copy); a file with nothing to import, or a broken .docx, is refused",
      who: 'members of the party',
      body: ImportBody,
      upload: true,
    },
    async (c) => {
      const body = await readImport(c);
      return c.json(await importProposals(svc, who(c), param(c, 'pid'), param(c, 'party'), body), 201);
    },
  );

  r.add(
    {
      method: 'get',
      path: `${P}/proposals`,
      summary: 'The tabled proposals (compilation)',
      who: 'participants; anyone if public',
    },
    (c) => c.json({ proposals: listProposals(svc, who(c), param(c, 'pid')) }),
  );
  r.add(
    {
      method: 'get',
      path: `${P}/proposals/:id`,
      summary: 'One tabled proposal with its versions and decision',
      who: 'participants; anyone if public',
    },
    (c) => c.json(getProposal(svc, who(c), param(c, 'pid'), param(c, 'id'))),
  );
  r.add(
    {
      method: 'delete',
      path: `${P}/proposals/:id`,
      summary:
        'Remove a tabled proposal from the record and the compilation (one that cannot be read, or must not stand); audit-logged',
      who: 'secretariat',
    },
    async (c) => c.json(await removeProposal(svc, who(c), param(c, 'pid'), param(c, 'id'))),
  );
  r.add(
    {
      method: 'get',
      path: `${P}/unreadable-proposals`,
      summary:
        'Stored proposals that every reader sets aside because their data is malformed, with what is wrong: remove them with DELETE …/proposals/{id}',
      who: 'secretariat',
    },
    (c) => c.json({ proposals: unreadableProposals(svc, who(c), param(c, 'pid')) }),
  );
  r.add(
    {
      method: 'post',
      path: `${P}/proposals/:id/withdraw`,
      summary: 'Withdraw a tabled proposal',
      who: 'members of the proponent party',
    },
    async (c) => c.json(await withdraw(svc, who(c), param(c, 'pid'), param(c, 'id'))),
  );
  for (const [seg, kind] of [
    ['supporters', 'support'],
    ['co-sponsors', 'co-sponsor'],
  ] as const) {
    for (const method of ['post', 'delete'] as const) {
      r.add(
        {
          method,
          path: `${P}/proposals/:id/${seg}`,
          summary: `${method === 'post' ? 'Add' : 'Remove'} your party as ${kind === 'support' ? 'supporter' : 'co-sponsor'}`,
          who: 'members of the endorsing party',
          body: EndorseBody,
        },
        async (c) => {
          const { party } = await jsonBody(c, EndorseBody);
          return c.json(
            await endorse(svc, who(c), param(c, 'pid'), param(c, 'id'), {
              party,
              kind,
              add: method === 'post',
            }),
          );
        },
      );
    }
  }
  r.add(
    {
      method: 'post',
      path: `${P}/proposals/:id/decision`,
      summary: "Record the chairs' decision",
      who: 'co-facilitators, secretariat',
      body: DecisionBody,
    },
    async (c) =>
      c.json(await decide(svc, who(c), param(c, 'pid'), param(c, 'id'), await jsonBody(c, DecisionBody))),
  );

  r.add(
    {
      method: 'get',
      path: `${P}/exports/:view/:format`,
      summary: `Download an export: view ${EXPORT_VIEWS.join('|')}, format ${EXPORT_FORMATS.join('|')}`,
      who: 'participants; anyone if public',
      produces: 'application/octet-stream',
      query: EXPORT_QUERY,
    },
    async (c) => {
      const pid = param(c, 'pid');
      const view = param(c, 'view') as ExportView;
      const format = param(c, 'format') as ExportFormat;
      if (!EXPORT_VIEWS.includes(view))
        throw invalid(`Unknown view "${view}"; use one of ${EXPORT_VIEWS.join(', ')}.`, 'view');
      if (!EXPORT_FORMATS.includes(format))
        throw invalid(`Unknown format "${format}"; use one of ${EXPORT_FORMATS.join(', ')}.`, 'format');
      const filter = exportFilter(c.req.query());
      const whole = revisionDocument(svc, who(c), pid);
      // Proposals tabled against an earlier revision are re-anchored on this one by content.
      const { proposals: tabled, entries } = tabledOnCurrent(svc, who(c), pid, whole);
      const part = filter.section === null ? whole : sectionOf(whole, filter.section);
      if (!part) throw invalid(`No section heading "${filter.section}" in the current text.`, 'section');
      const proposals: Proposal[] = part === whole ? tabled : proposalsIn(part, tabled);
      const shown = new Set<string>(proposals.map((x) => x.id));
      const reanchored = entries.filter((e) => shown.has(e.proposal));
      let file: Awaited<ReturnType<typeof exportView>>;
      try {
        file = await exportView(
          view,
          format,
          { document: part, proposals, ...(reanchored.length ? { reanchored } : {}) },
          filter.options,
        );
      } catch (e) {
        if (e instanceof BisInputError) throw invalid(e.message, e.path || null);
        throw e;
      }
      if (reanchored.length)
        c.header(
          'Bis-Reanchored',
          `${reanchored.length} tabled against an earlier revision: ${reanchorSummary(reanchored)}`,
        );
      const name = `${pid}-${view}${filter.suffix}.${file.extension}`;
      c.header('Content-Type', file.mediaType);
      c.header('Content-Disposition', `attachment; filename="${name}"`);
      return c.body(typeof file.data === 'string' ? file.data : new Uint8Array(file.data));
    },
  );
  r.add(
    {
      method: 'get',
      path: `${P}/audit`,
      summary: 'The audit log of a process',
      who: 'co-facilitators, secretariat',
    },
    (c) => {
      const pid = param(c, 'pid');
      requireChair(svc, who(c), pid);
      const after = Number(c.req.query('after') ?? 0) || 0;
      return c.json({ entries: svc.db.listAudit(pid, { after, limit: 1000 }) });
    },
  );
  registerRevisionRoutes(r, svc);
};
