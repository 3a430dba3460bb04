import { type Proposal, proposalsFromJSON, STATUSES, type Status } from '@bis/core';
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
    'no-attribution'?: boolean;
    'changes-as-formatting'?: boolean;
  },
): Promise<number> => {
  if (positionals.length !== 1) throw new CliError(`expected one VIEW (${EXPORT_VIEWS.join(', ')})`);
  const view = oneOf<ExportView>(positionals[0], EXPORT_VIEWS, 'view');
  const format = oneOf<ExportFormat>(values.format, EXPORT_FORMATS, '--format');
  if (!values.base) throw new CliError('missing --base DOC.json (the text to export against)');
  const document = readDocument(values.base);
  const proposals: Proposal[] = [];
  for (const file of values.proposals ?? []) proposals.push(...proposalsFromJSON(readJson(file)).proposals);
  const statuses = values.status?.map((s) => oneOf<Status>(s, STATUSES, '--status'));
  const previous = values.previous ? readDocument(values.previous) : undefined;
  const file = await exportView(
    view,
    format,
    { document, proposals, ...(previous ? { previous } : {}) },
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
