import { BisInputError } from './errors';
import {
  at,
  checkFormat,
  type JsonObject,
  optBoolean,
  optNullableString,
  optString,
  readArray,
  readEnum,
  readInt,
  readObject,
  readTimestamp,
  reqNonEmpty,
  reqString,
  stringItem,
  uniqueId,
} from './json-check';
import {
  ACTIONS,
  type Action,
  type BaseRef,
  DECISIONS,
  type Party,
  type Proposal,
  type ProposalSet,
  type ProposalVersion,
  paragraphId,
  partyId,
  proposalId,
  STAKEHOLDER_GROUPS,
  STATUSES,
  type Target,
} from './model';

/**
 * The `format` value of a proposals JSON: name and version. Version 2 added each proposal's
 * `base` (the text it was written against); version 1 is still read (its proposals have no base).
 */
export const PROPOSALS_FORMAT = 'bis.proposals/2';

/** A party as `bis.proposals/2` writes it. */
export interface PartyJSON {
  id: string;
  name: string;
  group: Party['group'];
  region: string | null;
}

/** A target as `bis.proposals/2` writes it. */
export interface TargetJSON {
  paragraph: string | null;
  label: string;
  point: string | null;
}

/** The base a proposal was written against, as `bis.proposals/2` writes it. */
export interface BaseRefJSON {
  symbol: string | null;
  revision: string | null;
  title: string;
  hash: string;
}

/** A proposal as `bis.proposals/2` writes it (every field; see the docs for the minimum). */
export interface ProposalJSON {
  id: string;
  party: string;
  coSponsors: string[];
  supporters: string[];
  action: Action;
  targets: TargetJSON[];
  position: 'after' | 'before' | null;
  label: string;
  text: string;
  textMode: Proposal['textMode'];
  rationale: string;
  summary: string;
  status: Proposal['status'];
  decision: Proposal['decision'];
  decisionNote: string;
  relatedTo: string | null;
  links: { to: string; note: string }[];
  versions: { number: number; text: string; rationale: string; tabledAt: string }[];
  illustrative: boolean;
  source: { file: string | null; line: number } | null;
  base: BaseRefJSON | null;
}

/** A whole `bis.proposals/2` value (see `docs/json-formats.md`). */
export interface ProposalsJSON {
  format: typeof PROPOSALS_FORMAT;
  base: string | null;
  parties: PartyJSON[];
  proposals: ProposalJSON[];
}

const proposalToJSON = (p: Proposal): ProposalJSON => ({
  id: p.id,
  party: p.party,
  coSponsors: [...p.coSponsors],
  supporters: [...p.supporters],
  action: p.action,
  targets: p.targets.map((t) => ({ paragraph: t.paragraph, label: t.label, point: t.point })),
  position: p.position,
  label: p.label,
  text: p.text,
  textMode: p.textMode,
  rationale: p.rationale,
  summary: p.summary,
  status: p.status,
  decision: p.decision,
  decisionNote: p.decisionNote,
  relatedTo: p.relatedTo,
  links: p.links.map((l) => ({ to: l.to, note: l.note })),
  versions: p.versions.map((v) => ({
    number: v.number,
    text: v.text,
    rationale: v.rationale,
    tabledAt: v.tabledAt,
  })),
  illustrative: p.illustrative,
  source: p.source === null ? null : { file: p.source.file, line: p.source.line },
  base: p.base
    ? { symbol: p.base.symbol, revision: p.base.revision, title: p.base.title, hash: p.base.hash }
    : null,
});

/** Writes a proposal set as a `bis.proposals/2` value (plain data, ready for `JSON.stringify`). */
export const proposalsToJSON = (set: ProposalSet): ProposalsJSON => ({
  format: PROPOSALS_FORMAT,
  base: set.base,
  parties: set.parties.map((p) => ({ id: p.id, name: p.name, group: p.group, region: p.region })),
  proposals: set.proposals.map(proposalToJSON),
});

const readParty = (v: unknown, path: string): Party => {
  const o = readObject(v, path, ['id', 'name', 'group', 'region']);
  return {
    id: partyId(reqNonEmpty(o, 'id', path)),
    name: reqNonEmpty(o, 'name', path),
    group: readEnum(o, 'group', path, STAKEHOLDER_GROUPS),
    region: optNullableString(o, 'region', path),
  };
};

// A target is an object, or just a label string (`"77"`) for hand-written input.
const readTarget = (v: unknown, path: string): Target => {
  if (typeof v === 'string') {
    if (v.trim() === '') throw new BisInputError('must not be empty', path, v);
    return { paragraph: null, label: v, point: null };
  }
  const o = readObject(v, path, ['paragraph', 'label', 'point']);
  const paragraph = optNullableString(o, 'paragraph', path);
  const point = optNullableString(o, 'point', path);
  if (paragraph === '') throw new BisInputError('must not be empty (use null)', at(path, 'paragraph'));
  if (point === '') throw new BisInputError('must not be empty (use null)', at(path, 'point'));
  return {
    paragraph: paragraph === null ? null : paragraphId(paragraph),
    label: reqNonEmpty(o, 'label', path),
    point,
  };
};

const readVersions = (o: JsonObject, path: string): ProposalVersion[] =>
  readArray(o, 'versions', path, (v, p) => {
    const f = readObject(v, p, ['number', 'text', 'rationale', 'tabledAt']);
    return {
      number: readInt(f, 'number', p, 1, Number.MAX_SAFE_INTEGER),
      text: reqString(f, 'text', p),
      rationale: reqString(f, 'rationale', p),
      tabledAt: readTimestamp(f, 'tabledAt', p),
    };
  });

// How many targets each action takes: [min, max].
const TARGET_COUNT: Record<Action, [number, number]> = {
  amend: [1, Number.POSITIVE_INFINITY],
  delete: [1, Number.POSITIVE_INFINITY],
  retain: [1, Number.POSITIVE_INFINITY],
  alternative: [1, Number.POSITIVE_INFINITY],
  insert: [1, 1],
  move: [2, 2],
};

const PROPOSAL_FIELDS = [
  'id',
  'party',
  'coSponsors',
  'supporters',
  'action',
  'targets',
  'position',
  'label',
  'text',
  'textMode',
  'rationale',
  'summary',
  'status',
  'decision',
  'decisionNote',
  'relatedTo',
  'links',
  'versions',
  'illustrative',
  'source',
  'base',
];

// A content hash as `documentHash` writes it: the algorithm, a colon, lowercase hex digits.
const HASH = /^sha256:[0-9a-f]{64}$/;

const readBase = (v: unknown, path: string): BaseRef => {
  const o = readObject(v, path, ['symbol', 'revision', 'title', 'hash']);
  const hash = reqNonEmpty(o, 'hash', path);
  if (!HASH.test(hash))
    throw new BisInputError(
      'expected "sha256:" and 64 lowercase hex digits (see documentHash)',
      at(path, 'hash'),
      hash,
    );
  return {
    symbol: optNullableString(o, 'symbol', path),
    revision: optNullableString(o, 'revision', path),
    title: reqString(o, 'title', path),
    hash,
  };
};

const readProposal = (v: unknown, path: string, version: number): Proposal => {
  const o = readObject(
    v,
    path,
    version === 1 ? PROPOSAL_FIELDS.filter((f) => f !== 'base') : PROPOSAL_FIELDS,
  );
  const id = proposalId(reqNonEmpty(o, 'id', path));
  const action = readEnum(o, 'action', path, ACTIONS);
  const targets = readArray(o, 'targets', path, readTarget, true);
  const [min, max] = TARGET_COUNT[action];
  if (targets.length < min || targets.length > max) {
    const want =
      action === 'insert'
        ? 'exactly one target (the anchor paragraph)'
        : action === 'move'
          ? 'exactly two targets (the paragraph moved, then the anchor)'
          : 'at least one target';
    throw new BisInputError(`${action} takes ${want}, got ${targets.length}`, at(path, 'targets'));
  }
  const placed = action === 'insert' || action === 'move';
  const positionRaw = o.position;
  let position: Proposal['position'] = placed ? 'after' : null;
  if (positionRaw !== undefined && positionRaw !== null)
    position = readEnum(o, 'position', path, ['after', 'before'] as const);
  if (!placed && position !== null)
    throw new BisInputError(`only insert and move take a position, not ${action}`, at(path, 'position'));
  const status = readEnum(o, 'status', path, STATUSES, 'draft');
  const decision =
    o.decision === undefined || o.decision === null ? null : readEnum(o, 'decision', path, DECISIONS);
  if (decision !== null && status !== 'tabled')
    throw new BisInputError(
      `a decision is only taken on a tabled proposal (status is ${status})`,
      at(path, 'decision'),
    );
  const related = optNullableString(o, 'relatedTo', path);
  if (related === id) throw new BisInputError('a proposal cannot relate to itself', at(path, 'relatedTo'));
  if (decision === 'merged' && related === null)
    throw new BisInputError('a merged proposal names the proposal it was merged into', at(path, 'relatedTo'));
  const versions = readVersions(o, path);
  versions.forEach((ver, i) => {
    if (ver.number !== i + 1)
      throw new BisInputError(
        `versions are numbered 1, 2, … in order; expected ${i + 1}`,
        `${at(path, 'versions')}[${i}].number`,
        ver.number,
      );
  });
  let source: Proposal['source'] = null;
  if (o.source !== undefined && o.source !== null) {
    const sp = at(path, 'source');
    const s = readObject(o.source, sp, ['file', 'line']);
    source = {
      file: optNullableString(s, 'file', sp),
      line: readInt(s, 'line', sp, 0, Number.MAX_SAFE_INTEGER),
    };
  }
  return {
    id,
    party: reqNonEmpty(o, 'party', path),
    coSponsors: readArray(o, 'coSponsors', path, stringItem),
    supporters: readArray(o, 'supporters', path, stringItem),
    action,
    targets,
    position,
    label: reqNonEmpty(o, 'label', path),
    text: reqString(o, 'text', path),
    textMode: readEnum(o, 'textMode', path, ['replace', 'append'] as const, 'replace'),
    rationale: reqString(o, 'rationale', path),
    summary: optString(o, 'summary', path, ''),
    status,
    decision,
    decisionNote: optString(o, 'decisionNote', path, ''),
    relatedTo: related === null ? null : proposalId(related),
    links: readArray(o, 'links', path, (lv, lp) => {
      const l = readObject(lv, lp, ['to', 'note']);
      return { to: proposalId(reqNonEmpty(l, 'to', lp)), note: optString(l, 'note', lp, '') };
    }),
    versions,
    illustrative: optBoolean(o, 'illustrative', path, false),
    source,
    // Left out when there is none, like the model's optional field (older data has none).
    ...(o.base === undefined || o.base === null ? {} : { base: readBase(o.base, at(path, 'base')) }),
  };
};

/**
 * Reads a `bis.proposals/2` or `bis.proposals/1` value (already parsed from JSON) into a proposal set, checking
 * every field. Throws `BisInputError` whose `path` names the offending field
 * (`proposals[2].action`). Optional fields get defaults (see `docs/json-formats.md`).
 * References to other proposals (`relatedTo`, `links`) may point outside the set.
 */
export const proposalsFromJSON = (value: unknown): ProposalSet => {
  const o = readObject(value, '', ['format', 'base', 'parties', 'proposals']);
  const version = o.format === 'bis.proposals/1' ? 1 : 2;
  checkFormat(o, 'bis.proposals', version);
  const parties = readArray(o, 'parties', '', readParty);
  const partyIds = new Map<string, string>();
  const partyNames = new Map<string, string>();
  parties.forEach((p, i) => {
    uniqueId(partyIds, p.id, `parties[${i}].id`, 'party id');
    uniqueId(partyNames, p.name, `parties[${i}].name`, 'party name');
  });
  const proposals = readArray(o, 'proposals', '', (p, path) => readProposal(p, path, version), true);
  const ids = new Map<string, string>();
  proposals.forEach((p, i) => {
    uniqueId(ids, p.id, `proposals[${i}].id`, 'proposal id');
  });
  return { base: optNullableString(o, 'base', ''), parties, proposals };
};
