import {
  baseRefOf,
  describeBase,
  type Proposal,
  proposalsFromJSON,
  reanchorProposals,
  STATUSES,
  type Status,
} from '@bis/core';
import { EXPORT_FORMATS, EXPORT_VIEWS, type ExportFormat, type ExportView, exportView } from '@bis/formats';
import { readDocument } from './documents';
import { CliError, readJson, writeOutput } from './io';

const oneOf = <T extends string>(value: string | undefined, allowed: readonly T[], what: string): T => {
  if (value === undefined) throw new CliError(`missing ${what} (one of ${allowed.join(', ')})`);
  if (!(allowed as readonly string[]).includes(value)) {
    throw new CliError(`unknown ${what} "${value}" (one of ${allowed.join(', ')})`);
  }
  return value as T;
};

/** `bis export VIEW --base DOC.json [--proposals P.json …] --format FMT [--out FILE]`. */
export const runExport = async (
  positionals: string[],
  values: {
    base?: string;
    proposals?: string[];
    format?: string;
    out?: string;
    party?: string[];
    status?: string[];
    lang?: string;
    previous?: string;
    'written-against'?: string[];
    'no-attribution'?: boolean;
    'changes-as-formatting'?: boolean;
  },
): Promise<number> => {
  if (positionals.length !== 1) throw new CliError(`expected one VIEW (${EXPORT_VIEWS.join(', ')})`);
  const view = oneOf<ExportView>(positionals[0], EXPORT_VIEWS, 'view');
  const format = oneOf<ExportFormat>(values.format, EXPORT_FORMATS, '--format');
  if (!values.base) throw new CliError('missing --base DOC.json (the text to export against)');
  const document = readDocument(values.base);
  const given: Proposal[] = [];
  for (const file of values.proposals ?? []) {
    const set = proposalsFromJSON(readJson(file));
    given.push(...set.proposals);
    // Older files (bis.proposals/1) do not say which text their resolved targets point into:
    // say so rather than let a comparison with another text pass for theirs.
    const blind = set.proposals.filter((p) => !p.base && p.targets.some((t) => t.paragraph !== null));
    if (blind.length > 0)
      process.stderr.write(
        `bis: ${file}: ${blind.length} proposal(s) do not record the text they were written against${set.base ? ` (resolved against “${set.base}”)` : ''}; they are compared with “${document.title}” as if written against it (import them again with --base to record it)\n`,
      );
  }
  // Proposals written against another text are placed on this one by content, or refused: never
  // compared with wording they were not written against. What happened to each goes to stderr.
  const bases = (values['written-against'] ?? []).map((f) => readDocument(f));
  const placed = reanchorProposals(given, document, bases);
  if (!placed.ok)
    throw new CliError(
      `${placed.reason} (with --written-against FILE), or export against the text they were written against`,
    );
  if (placed.entries.length)
    process.stderr.write(
      `bis: ${placed.entries.length} proposal(s) written against another text, re-anchored on ${describeBase(baseRefOf(document))} by content:\n`,
    );
  for (const e of placed.entries) process.stderr.write(`bis:   ${e.party}, ${e.message}\n`);
  const proposals = placed.proposals;
  const statuses = values.status?.map((s) => oneOf<Status>(s, STATUSES, '--status'));
  const previous = values.previous ? readDocument(values.previous) : undefined;
  const file = await exportView(
    view,
    format,
    {
      document,
      proposals,
      ...(previous ? { previous } : {}),
      ...(placed.entries.length ? { reanchored: placed.entries } : {}),
    },
    {
      // Word revisions need a date; proposals not yet tabled get the time of the export.
      now: new Date().toISOString(),
      ...(values['no-attribution'] ? { attribution: false } : {}),
      ...(values['changes-as-formatting'] ? { changes: 'formatting' as const } : {}),
      ...(values.party ? { parties: values.party } : {}),
      ...(statuses ? { statuses } : {}),
      ...(values.lang ? { lang: values.lang } : {}),
    },
  );
  writeOutput(values.out, file.data);
  return 0;
};
