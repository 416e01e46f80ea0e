import type { AuditCursor } from '../../db/repositories/audit-repository.js';
import type { Repositories } from '../../db/repositories/index.js';
import { auditLines } from '../../domain/audit/audit-lines.js';
import { auditWords } from '../../domain/audit/audit-words.js';
import { describeAuditRecord } from '../../domain/audit/describe-audit-record.js';
import { issue } from '../../domain/messages/problem.js';
import type { AuditQuery } from '../../domain/schemas/audit.js';
import { type Locale, localeIds } from '../../domain/schemas/messages.js';
import { auditAccess } from '../access/audit-access.js';
import type { UserActor } from '../auth/actor.js';
import { enforce } from '../auth/policy.js';
import { AppError, notFound, problem } from '../errors.js';

/** Records read a page at a time: the export never holds more than this many in memory. */
const PAGE_SIZE = 500;
const DAY_MS = 24 * 3_600_000;
const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** The range's bounds as instants: a day starts at its midnight (UTC), and a day as `to` is included whole. */
export function auditRange(query: Pick<AuditQuery, 'from' | 'to'>): { from: Date; to: Date } {
  const from = new Date(isDay(query.from) ? `${query.from}T00:00:00Z` : query.from);
  const toStart = new Date(isDay(query.to) ? `${query.to}T00:00:00Z` : query.to);
  const to = isDay(query.to) ? new Date(toStart.getTime() + DAY_MS) : toStart;
  if (to.getTime() <= from.getTime())
    throw new AppError('bad_request', problem('audit.rangeInvalid'), [issue('to', 'audit.toBeforeFrom')]);
  return { from, to };
}

function localeOf(actor: UserActor, query: AuditQuery): Locale {
  const chosen = query.locale ?? actor.user.locale;
  return chosen && (localeIds as readonly string[]).includes(chosen) ? chosen : 'en';
}

export interface AuditExport {
  fileName: string;
  /** The export's text, a piece at a time as the records are read: the head, then a line per record. */
  lines: AsyncIterable<string>;
}

/**
 * The audit export of one organisation (its owners and admins) or of every organisation and the platform
 * (admins): every offer's history, deleted offers' included, members, API tokens and webhook endpoints, oldest
 * first, in the requester's language, read from the database a page at a time as the answer is sent.
 */
export function createAuditExportService({ repos }: { repos: Repositories }) {
  return {
    /** Checks access and the range before anything is sent, then gives the lines to stream. */
    async open(actor: UserActor, organizationId: string | null, query: AuditQuery): Promise<AuditExport> {
      enforce(auditAccess(actor, organizationId), 'organization');
      if (organizationId !== null && !(await repos.organizations.findById(organizationId)))
        throw notFound('organization');
      const { from, to } = auditRange(query);
      const words = auditWords(localeOf(actor, query));
      const { head, line } = auditLines(query.format);
      async function* lines(): AsyncGenerator<string> {
        if (head) yield head;
        let after: AuditCursor | undefined;
        for (;;) {
          const page = await repos.audit.page({ organizationId, from, to, limit: PAGE_SIZE, after });
          // One write per page: a line at a time would be a stream chunk per record.
          if (page.length > 0) yield page.map((row) => line(describeAuditRecord(row, words))).join('');
          const last = page.at(-1);
          if (!last || page.length < PAGE_SIZE) return;
          after = { atMicros: last.atMicros, source: last.source, seq: last.seq, id: last.id };
        }
      }
      const day = (date: Date) => date.toISOString().slice(0, 10);
      const scope = organizationId ?? 'all';
      return {
        fileName: `audit-${scope}-${day(from)}-${day(new Date(to.getTime() - 1))}.${query.format}`,
        lines: lines(),
      };
    },
  };
}

export type AuditExportService = ReturnType<typeof createAuditExportService>;
