import { COMPARE_FORMATS, type CompareFormat, compareDocumentsAs } from '@bis/formats';
import { readDocument } from './documents';
import { CliError, writeOutput } from './io';

/** `bis compare OLD NEW --format FMT [--out FILE]`. */
export const runCompare = async (
  positionals: string[],
  values: { format?: string; out?: string; lang?: string },
): Promise<number> => {
  if (positionals.length !== 2) throw new CliError('expected two files: OLD NEW');
  const format = values.format;
  if (!format || !(COMPARE_FORMATS as readonly string[]).includes(format)) {
    throw new CliError(
      `${format ? `unknown --format "${format}"` : 'missing --format'} (one of ${COMPARE_FORMATS.join(', ')})`,
    );
  }
  const [oldFile, newFile] = positionals as [string, string];
  const file = await compareDocumentsAs(
    readDocument(oldFile),
    readDocument(newFile),
    format as CompareFormat,
    {
      ...(values.lang ? { lang: values.lang } : {}),
    },
  );
  writeOutput(values.out, file.data);
  return 0;
};
