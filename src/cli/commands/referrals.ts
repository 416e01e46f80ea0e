import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { apiTarget, CliError, createApiClient, describeFailure } from '../api-client.js';
import type { operations } from '../generated/api-schema.js';

type ReferralPage = operations['listReferrals']['responses'][200]['content']['application/json'];
// The filters go as typed on the command line: the server checks them and says which one is wrong.
type PipelineQuery = NonNullable<operations['listReferrals']['parameters']['query']>;
type ExportQuery = NonNullable<operations['exportReferralsCsv']['parameters']['query']>;

/** The pipeline filters the API takes, as flags of the same names. */
const FILTERS = [
  'status',
  'substatus',
  'direction',
  'offer',
  'country',
  'currency',
  'minValue',
  'maxValue',
  'createdFrom',
  'createdTo',
  'closingFrom',
  'closingTo',
  'q',
] as const;

export const referralsHelp = `Usage:
  cosell referrals list [filters] [--limit <n>] [--all]
  cosell referrals export [filters] [--out <file.csv>]

Lists the referrals you are a party to (newest first, one line each), or exports them as CSV, through the
HTTP API. --all follows the cursor through every page.

Filters: --status New|Active|Closed  --substatus Pending|Received|Accepted|Won|Lost|Declined|Expired
  --direction incoming|outgoing  --offer <offerId>  --country <SE>  --currency <SEK>
  --minValue <n>  --maxValue <n>  --createdFrom <ISO date>  --createdTo <ISO date>
  --closingFrom <ISO date>  --closingTo <ISO date>  --q <words>

Options:
  --url <url>      the server (default $COSELL_URL or http://127.0.0.1:3000)
  --token <token>  an API token (default $COSELL_TOKEN)
`;

function line(item: ReferralPage['items'][number]): string {
  const value =
    item.details.dealValue === null ? '' : `${item.details.dealValue} ${item.details.currency ?? ''}`.trim();
  return [
    item.id,
    `${item.status}/${item.substatus}`,
    item.customerProfile.address.country,
    value,
    item.organizationName,
    item.name,
  ].join('\t');
}

/** `cosell referrals list|export`: returns the exit code. */
export async function referralsCommand(argv: string[]): Promise<number> {
  const [action, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      ...Object.fromEntries(FILTERS.map((f) => [f, { type: 'string' as const }])),
      limit: { type: 'string' },
      all: { type: 'boolean', default: false },
      out: { type: 'string' },
      url: { type: 'string' },
      token: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || (action !== 'list' && action !== 'export')) {
    process.stdout.write(referralsHelp);
    return values.help ? 0 : 2;
  }
  const api = createApiClient(apiTarget(values as { url?: string; token?: string }));
  const filters: Record<string, string> = {};
  for (const filter of FILTERS) {
    const value = (values as Record<string, unknown>)[filter];
    if (typeof value === 'string') filters[filter] = value;
  }

  if (action === 'export') {
    const { data, error, response } = await api.GET('/api/v1/referrals.csv', {
      params: { query: filters as ExportQuery },
      parseAs: 'arrayBuffer',
    });
    if (data === undefined) throw new CliError(`export failed: ${describeFailure(response, error)}`);
    const bytes = Buffer.from(data);
    if (values.out) {
      await writeFile(values.out, bytes);
      process.stdout.write(`wrote ${values.out}\n`);
    } else process.stdout.write(bytes);
    return 0;
  }

  if (values.limit) filters.limit = values.limit;
  let shown = 0;
  for (;;) {
    const {
      data: page,
      error,
      response,
    } = await api.GET('/api/v1/referrals', { params: { query: filters as PipelineQuery } });
    if (!page) throw new CliError(`list failed: ${describeFailure(response, error)}`);
    for (const item of page.items) process.stdout.write(`${line(item)}\n`);
    shown += page.items.length;
    if (!values.all || !page.nextCursor) {
      if (page.nextCursor) process.stderr.write(`${shown} shown; more with --all\n`);
      return 0;
    }
    filters.cursor = page.nextCursor;
  }
}
