import { readFile, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { findDocumentFormat } from '../../domain/documents/document-formats.js';
import { apiTarget, CliError, createApiClient, describeFailure } from '../api-client.js';
import type { operations } from '../generated/api-schema.js';

type ImportReport = operations['importContactsCsv']['responses'][200]['content']['application/json'];

export const contactsHelp = `Usage:
  cosell contacts export --offer <offerId> [--out <file.csv|file.xlsx>] [--format csv|xlsx]
  cosell contacts import --offer <offerId> --file <file.csv|file.xlsx> [--dry-run] [--if-match <etag>]

Exports or imports an offer's co-sell contacts through the HTTP API, as CSV or as an Excel workbook. An
import replaces all contacts, or changes nothing when the file has any problem; every problem is listed
with its row and column (sheet and cell for a workbook), and warnings, such as signs of a lossy save,
are listed without stopping it.

Options:
  --format csv|xlsx  what export writes (default: from --out's extension, else csv)
  --if-match <etag>  import only onto the contacts as a dry run saw them (it prints their ETag); without
                     it, the import replaces whatever contacts there are
  --url <url>      the server (default $COSELL_URL or http://127.0.0.1:3000)
  --token <token>  an API token (default $COSELL_TOKEN)
`;

/** What an export writes: --format, else the extension of --out, else CSV. */
function exportFormat(format: string | undefined, out: string | undefined): 'csv' | 'xlsx' {
  if (format !== undefined) {
    if (format !== 'csv' && format !== 'xlsx')
      throw new CliError(`--format must be csv or xlsx, not ${format}`);
    return format;
  }
  return out !== undefined && extname(out).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv';
}

/** Where a problem is: its sheet and cell in a workbook, its row and column in a CSV. */
function placeOf(e: ImportReport['errors'][number]): string {
  if (e.sheet && e.cell) return `${e.sheet} ${e.cell}${e.column ? ` (${e.column})` : ''}`;
  return e.column ? `row ${e.row}, ${e.column}` : `row ${e.row}`;
}

function printReport(report: ImportReport): void {
  for (const w of report.warnings ?? [])
    process.stderr.write(`warning (rows ${w.rows.join(', ')}): ${w.message}\n`);
  for (const e of report.errors) {
    const where = placeOf(e);
    // Most messages name the value ("XX is not a country/region code"): quoted once, not twice.
    const value = e.value && !e.message.includes(e.value) ? `"${e.value}" ` : '';
    process.stderr.write(`${where}: ${value}${e.message}${e.allowed ? ` (allowed: ${e.allowed})` : ''}\n`);
  }
  if (report.diff) {
    const d = report.diff;
    process.stdout.write(
      `${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed, ${d.unchanged} unchanged\n`,
    );
  }
}

/** `cosell contacts export|import`: returns the exit code. */
export async function contactsCommand(argv: string[]): Promise<number> {
  const [action, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      offer: { type: 'string' },
      file: { type: 'string' },
      out: { type: 'string' },
      format: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'if-match': { type: 'string' },
      url: { type: 'string' },
      token: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || (action !== 'export' && action !== 'import')) {
    process.stdout.write(contactsHelp);
    return values.help ? 0 : 2;
  }
  if (!values.offer) throw new CliError('--offer is required');
  const api = createApiClient(apiTarget(values));
  const path = { offerId: values.offer };

  if (action === 'export') {
    const route =
      exportFormat(values.format, values.out) === 'xlsx'
        ? '/api/v1/offers/{offerId}/co-sell/contacts.xlsx'
        : '/api/v1/offers/{offerId}/co-sell/contacts.csv';
    const { data, error, response } = await api.GET(route, { params: { path }, parseAs: 'arrayBuffer' });
    if (data === undefined) throw new CliError(`export failed: ${describeFailure(response, error)}`);
    const bytes = Buffer.from(data);
    if (values.out) {
      await writeFile(values.out, bytes);
      process.stdout.write(`wrote ${values.out}\n`);
    } else {
      process.stdout.write(bytes);
    }
    return 0;
  }

  if (!values.file) throw new CliError('--file is required');
  // The file's bytes as they are: the server tells a workbook from a CSV, and a CSV's encoding and delimiter,
  // by the content; the type only labels it.
  const contentType =
    extname(values.file).toLowerCase() === '.xlsx'
      ? (findDocumentFormat('.xlsx')?.contentType ?? 'text/csv')
      : 'text/csv';
  const file = new Blob([await readFile(values.file)], { type: contentType });
  const dryRun = values['dry-run'] ?? false;
  const { data, error, response } = await api.PUT('/api/v1/offers/{offerId}/co-sell/contacts.csv', {
    params: {
      path,
      ...(dryRun && { query: { dryRun: 'true' } }),
      // The server requires If-Match on every write; `*` says "whatever is there", which is what an import
      // that replaces every contact means unless the caller names the version it checked.
      header: { 'if-match': values['if-match'] ?? '*' },
    },
    headers: { 'content-type': contentType },
    body: file,
    bodySerializer: (body) => body,
  });
  // A file with problems is answered 422 with the same report, listing them.
  const report = data ?? (response.status === 422 ? (error as ImportReport) : undefined);
  if (!report) throw new CliError(`import failed: ${describeFailure(response, error)}`);
  printReport(report);
  if (!report.ok) {
    process.stderr.write(`${report.errors.length} problem(s); nothing was changed.\n`);
    return 1;
  }
  process.stdout.write(
    report.applied ? `imported ${report.rows} contact row(s)\n` : 'dry run: nothing was changed\n',
  );
  if (!report.applied && report.version !== undefined)
    process.stdout.write(`checked against the contacts' ETag "${report.version}" (for --if-match)\n`);
  return 0;
}
