import type { Repositories } from '../../db/repositories/index.js';
import type {
  ReferralChanges,
  ReferralQuery,
  ReferralRow,
  ReferralScope,
} from '../../db/repositories/referral-repository.js';
import type { ReferralTeamMember } from '../../db/schema.js';
import { queryTerms } from '../../domain/catalog/fold.js';
import type { EventType } from '../../domain/events/event-types.js';
import { issue } from '../../domain/messages/problem.js';
import type { ReferralStatus, ReferralSubstatus } from '../../domain/referrals/referral-enums.js';
import { findReferralProblems } from '../../domain/referrals/referral-rules.js';
import {
  allowedPersonTransitions,
  isAllowed,
  isDue,
  type PersonTransition,
  substatusSeenBy,
  targetOf,
} from '../../domain/referrals/referral-transitions.js';
import type { ErrorIssue } from '../../domain/schemas/errors.js';
import {
  type CloseReferralRequest,
  type CreateReferralRequest,
  CreateReferralRequestSchema,
  type DeclineReferralRequest,
  type Referral,
  type ReferralFilter,
  type ReferralListQuery,
  type ReferralPage,
  type ReferralSummary,
  type ReferralTimelineEntry,
  type UpdateReferral,
} from '../../domain/schemas/referrals.js';
import {
  admitReferral,
  isReferralRefusal,
  type ReferralAccessAction,
  type ReferralReader,
  referralAccess,
  referralFacts,
} from '../access/referral-access.js';
import { hasPlatformRole, type UserActor } from '../auth/actor.js';
import { AppError, notFound, problem } from '../errors.js';
import { assertCurrent } from '../etag.js';
import { eventRecorder, type NewEvent } from '../events/event-recorder.js';
import type { Clock, IdGenerator } from '../ids.js';
import { newReferralRow, referralSearchText, teamMember } from './referral-create.js';
import { presentReferral } from './referral-presenter.js';
import { presentTimelineEntry, type TimelineEntryInput, timelineRecorder } from './referral-timeline.js';
import type { Transaction } from './transaction.js';

export interface ReferralServiceDeps {
  repos: Repositories;
  transaction: Transaction;
  clock: Clock;
  ids: IdGenerator;
  /** Days an unanswered referral waits before it expires (COSELL_REFERRAL_EXPIRY_DAYS). */
  referralExpiryDays: number;
}

type Expected = number | '*';

const expiredEntry: TimelineEntryInput = {
  kind: 'expire',
  side: 'system',
  message: { key: 'referrals.timeline.expired', params: {} },
};

/** Who sees which referrals in lists: admins all; others their organisations' and, as sellers, their own. */
function scopeOf(actor: UserActor): ReferralScope {
  if (hasPlatformRole(actor, 'admin')) return { all: true };
  return {
    organizationIds: actor.memberships.map((m) => m.organizationId),
    sellerId: hasPlatformRole(actor, 'seller') ? actor.user.id : null,
  };
}

function toQuery(filter: ReferralFilter): ReferralQuery {
  const date = (value: string | undefined) => (value ? new Date(value) : undefined);
  return {
    status: filter.status,
    substatus: filter.substatus,
    direction: filter.direction,
    offerId: filter.offer,
    country: filter.country,
    currency: filter.currency,
    minValue: filter.minValue,
    maxValue: filter.maxValue,
    createdFrom: date(filter.createdFrom),
    createdTo: date(filter.createdTo),
    closingFrom: date(filter.closingFrom),
    closingTo: date(filter.closingTo),
    words: queryTerms(filter.q),
  };
}

/** The side that writes, for the team and the timeline; admins never write. */
function sideOf(reader: ReferralReader): ReferralTeamMember['side'] {
  return reader === 'vendor' ? 'vendor' : 'partner';
}

/** Adds the actor to their side's team when they are not on it yet: who works the deal. */
function joinTeam(row: ReferralRow, actor: UserActor, side: ReferralTeamMember['side']): ReferralChanges {
  if (row.team.some((m) => m.userId === actor.user.id && m.side === side)) return {};
  return {
    team: [...row.team, teamMember(actor, side)],
    ...(side === 'vendor' && { vendorUserIds: [...row.vendorUserIds, actor.user.id] }),
  };
}

/** 409 naming what the current status allows. */
function refusedTransition(
  row: ReferralRow,
  move: 'accept' | 'decline' | 'close',
  reader: ReferralReader,
): AppError {
  const status = row.status as ReferralStatus;
  const seen = substatusSeenBy(
    { status, substatus: row.substatus as ReferralSubstatus },
    row.direction,
    reader === 'admin' ? 'partner' : reader,
  );
  const allowed = allowedPersonTransitions(status);
  const steps = allowed.join(', ');
  const params = { referralStatus: status, substatus: seen, steps };
  return new AppError(
    'transition_not_allowed',
    problem(allowed.length > 0 ? `referrals.cannot.${move}` : `referrals.cannotFinal.${move}`, params),
    [
      allowed.length > 0
        ? issue('status', 'referrals.allowedSteps', { steps })
        : issue('status', 'referrals.allowedNone'),
    ],
  );
}

/** A referral's event, for its partner organisation (and admins); `from`: the status before, for a move. */
function referralEvent(type: EventType, row: ReferralRow, from?: string): NewEvent {
  return {
    type,
    organizationId: row.organizationId,
    seenBySellers: false,
    seenByResellers: false,
    data: {
      referralId: row.id,
      version: row.version,
      link: `/api/v1/referrals/${row.id}`,
      ...(from !== undefined && { from, to: row.status }),
    },
  };
}

/** Referrals: create, read, list, change (If-Match), the transitions, the timeline, and the CSV export's rows. */
export function createReferralService({
  repos,
  transaction,
  clock,
  ids,
  referralExpiryDays,
}: ReferralServiceDeps) {
  const record = timelineRecorder({ clock, ids });
  const recordEvent = eventRecorder({ clock, ids });

  /** Stores Closed (Expired) for the due referrals (all, or those of `ids`), each with its timeline entry. */
  async function expireIn(r: Repositories, onlyIds?: string[]): Promise<void> {
    for (const { id } of await r.referrals.expireDue(clock.now(), onlyIds)) {
      await record(r, id, null, [expiredEntry]);
      const expired = await r.referrals.findById(id);
      if (expired) await recordEvent(r, referralEvent('referral.statusChanged', expired, 'New'));
    }
  }

  /**
   * When the next New referral expires, as this server last read it (undefined: not read yet). Lists sweep only
   * from then on, so a pipeline read costs no write while nothing is due. It can only be later than the truth
   * by this server's own creations, which lower it here, or by a server with a shorter
   * COSELL_REFERRAL_EXPIRY_DAYS (the servers of one installation share it); a single referral's reads and
   * writes look at its own expiry whatever this says.
   */
  let nextDue: Date | null | undefined;

  /** Stores every due expiry before a list is read, when one may be due. */
  async function sweepDue(): Promise<void> {
    nextDue ??= await repos.referrals.earliestExpiry();
    if (nextDue === null || nextDue.getTime() > clock.now().getTime()) return;
    await transaction((r) => expireIn(r));
    nextDue = await repos.referrals.earliestExpiry();
  }

  /** Loads a referral for an action: stores its expiry first when it is due, then asks access. */
  async function loadIn(r: Repositories, actor: UserActor, id: string, action: ReferralAccessAction) {
    let row = await r.referrals.findById(id);
    if (row && isDue({ status: row.status as ReferralStatus }, row.expiresAt, clock.now())) {
      await expireIn(r, [id]);
      row = await r.referrals.findById(id);
    }
    if (!row) throw notFound('referral');
    const reader = admitReferral(referralAccess(actor, referralFacts(row), action));
    return { row, reader };
  }

  async function reread(r: Repositories, id: string): Promise<ReferralRow> {
    const row = await r.referrals.findById(id);
    if (!row) throw notFound('referral');
    return row;
  }

  /** Writes the changes when the version is still the one read, with the timeline entries, in `r`'s transaction. */
  async function write(
    r: Repositories,
    row: ReferralRow,
    changes: ReferralChanges,
    actor: UserActor,
    entries: TimelineEntryInput[],
  ) {
    if (!(await r.referrals.update(row.id, row.version, changes, clock.now())))
      throw new AppError('precondition_failed', problem('request.savedMeanwhile'));
    await record(r, row.id, actor, entries);
    const updated = await reread(r, row.id);
    await recordEvent(
      r,
      updated.status === row.status
        ? referralEvent('referral.updated', updated)
        : referralEvent('referral.statusChanged', updated, row.status),
    );
    return updated;
  }

  async function move(
    actor: UserActor,
    id: string,
    expected: Expected,
    transition: PersonTransition,
    changesFor: (
      row: ReferralRow,
      side: ReferralTeamMember['side'],
    ) => { changes: ReferralChanges; entry: TimelineEntryInput },
  ): Promise<Referral> {
    return transaction(async (r) => {
      const { row, reader } = await loadIn(r, actor, id, transition === 'close' ? 'write' : 'answer');
      if (!isAllowed(row.status as ReferralStatus, transition))
        throw refusedTransition(row, transition, reader);
      assertCurrent(expected, row.version);
      const side = sideOf(reader);
      const { changes, entry } = changesFor(row, side);
      const updated = await write(r, row, { ...changes, ...joinTeam(row, actor, side) }, actor, [entry]);
      return presentReferral(updated, reader, actor);
    });
  }

  /** Every page of a filtered list, for the export. */
  async function* allRows(actor: UserActor, filter: ReferralFilter) {
    const scope = scopeOf(actor);
    const query = toQuery(filter);
    let before: number | undefined;
    for (;;) {
      const rows = await repos.referrals.page(scope, query, 1000, before);
      for (const row of rows) {
        const reader = referralAccess(actor, referralFacts(row), 'read');
        if (!isReferralRefusal(reader)) yield presentReferral(row, reader, actor);
      }
      const last = rows.at(-1);
      if (rows.length < 1000 || !last) return;
      before = last.seq;
    }
  }

  return {
    async create(actor: UserActor, input: CreateReferralRequest): Promise<Referral> {
      const request = CreateReferralRequestSchema.parse(input);
      return transaction(async (r) => {
        const now = clock.now();
        const row = await newReferralRow(r, actor, request, {
          id: ids('ref'),
          now,
          expiryDays: referralExpiryDays,
        });
        await r.referrals.insert(row);
        if (nextDue !== undefined && row.status === 'New' && (nextDue === null || row.expiresAt < nextDue))
          nextDue = row.expiresAt;
        const side = row.direction === 'incoming' ? 'vendor' : 'partner';
        const created = await reread(r, row.id);
        const key = row.direction === 'incoming' ? 'referred' : row.type === 'Shared' ? 'shared' : 'created';
        await record(r, row.id, actor, [
          {
            kind: 'created',
            side,
            message: {
              key: `referrals.timeline.${key}`,
              params: { customer: row.customerName, organization: created.organizationName },
            },
          },
        ]);
        await recordEvent(r, referralEvent('referral.created', created));
        return presentReferral(created, side, actor);
      });
    },

    async get(actor: UserActor, id: string): Promise<Referral> {
      const { row, reader } = await transaction((r) => loadIn(r, actor, id, 'read'));
      return presentReferral(row, reader, actor);
    },

    async list(actor: UserActor, query: ReferralListQuery): Promise<ReferralPage> {
      let before: number | undefined;
      if (query.cursor !== undefined) {
        if (!/^\d{1,15}$/.test(query.cursor))
          throw new AppError('bad_request', problem('request.cursorInvalid'));
        before = Number(query.cursor);
      }
      await sweepDue();
      const rows = await repos.referrals.page(scopeOf(actor), toQuery(query), query.limit + 1, before);
      const page = rows.slice(0, query.limit);
      const items = page.flatMap((row) => {
        const reader = referralAccess(actor, referralFacts(row), 'read');
        return isReferralRefusal(reader) ? [] : [presentReferral(row, reader, actor)];
      });
      const last = page.at(-1);
      return { items, nextCursor: rows.length > query.limit && last ? String(last.seq) : null };
    },

    /** Counts and value sums per currency, by status and substatus as the reader sees them. */
    async summary(actor: UserActor, filter: ReferralFilter): Promise<ReferralSummary> {
      await sweepDue();
      const rows = await repos.referrals.summary(scopeOf(actor), toQuery(filter));
      const groups = new Map<string, ReferralSummary['groups'][number]>();
      for (const row of rows) {
        const substatus =
          row.status === 'New'
            ? row.receives
              ? 'Received'
              : 'Pending'
            : (row.substatus as ReferralSubstatus);
        const key = `${row.status}/${substatus}`;
        const group = groups.get(key) ?? {
          status: row.status as ReferralStatus,
          substatus,
          count: 0,
          totals: [],
        };
        group.count += row.count;
        if (row.currency && row.total !== null) {
          const total = group.totals.find((t) => t.currency === row.currency);
          if (total) total.dealValue += Number(row.total);
          else group.totals.push({ currency: row.currency, dealValue: Number(row.total) });
        }
        groups.set(key, group);
      }
      return { groups: [...groups.values()] };
    },

    /** Every referral of a filtered list, as the reader sees each (the CSV export). */
    async exportAll(actor: UserActor, filter: ReferralFilter): Promise<Referral[]> {
      await sweepDue();
      const items: Referral[] = [];
      for await (const item of allRows(actor, filter)) items.push(item);
      return items;
    },

    async update(
      actor: UserActor,
      id: string,
      expected: Expected,
      request: UpdateReferral,
    ): Promise<Referral> {
      return transaction(async (r) => {
        const { row, reader } = await loadIn(r, actor, id, 'write');
        if (row.status === 'Closed')
          throw new AppError('transition_not_allowed', problem('referrals.closedNoChange'), [
            issue('status', 'referrals.allowedNone'),
          ]);
        assertCurrent(expected, row.version);
        const side = sideOf(reader);
        const creatingSide = row.direction === 'incoming' ? 'vendor' : 'partner';
        if ((request.customerProfile || request.consent) && side !== creatingSide)
          throw new AppError('forbidden', problem('referrals.onlyCreatorSide'));
        const changes: ReferralChanges = {};
        if (request.name !== undefined) changes.name = request.name;
        if (request.qualification !== undefined) changes.qualification = request.qualification;
        if (request.externalReferenceId !== undefined)
          changes[side === 'vendor' ? 'vendorExternalId' : 'partnerExternalId'] = request.externalReferenceId;
        if (request.customerProfile) {
          const { country, ...address } = request.customerProfile.address;
          Object.assign(changes, {
            customerName: request.customerProfile.name,
            customerCountry: country,
            customerAddress: address,
            customerSize: request.customerProfile.size ?? null,
            customerContacts: request.customerProfile.team,
          });
        }
        if (request.consent) {
          changes.consentToShare = request.consent.consentToToShareInfoWithOthers;
          changes.consentToContact = request.consent.consentToContact;
        }
        const details = request.details ?? {};
        if (details.notes !== undefined) changes.notes = details.notes;
        if (details.dealValue !== undefined) changes.dealValue = details.dealValue;
        if (details.currency !== undefined) changes.currency = details.currency;
        if (details.closingDateTime !== undefined)
          changes.closingAt = details.closingDateTime ? new Date(details.closingDateTime) : null;
        const merged = { ...row, ...changes };
        const problems = findReferralProblems({
          direction: row.direction,
          type: row.type as 'Shared' | 'Independent',
          consentToShare: merged.consentToShare,
          country: merged.customerCountry,
          dealValue: merged.dealValue,
          currency: merged.currency,
        });
        if (problems.length > 0)
          throw new AppError('rule_violation', problem('referrals.rulesBroken'), problems);
        changes.searchText = referralSearchText(merged.name, merged.customerName, merged.notes);
        const updated = await write(r, row, { ...changes, ...joinTeam(row, actor, side) }, actor, [
          { kind: 'updated', side, message: { key: 'referrals.timeline.updated', params: {} } },
        ]);
        return presentReferral(updated, reader, actor);
      });
    },

    accept(actor: UserActor, id: string, expected: Expected): Promise<Referral> {
      return move(actor, id, expected, 'accept', (_row, side) => ({
        changes: { ...targetOf('accept'), statusReason: null },
        entry: { kind: 'accept', side, message: { key: 'referrals.timeline.accepted', params: {} } },
      }));
    },

    decline(
      actor: UserActor,
      id: string,
      expected: Expected,
      request: DeclineReferralRequest,
    ): Promise<Referral> {
      return move(actor, id, expected, 'decline', (_row, side) => ({
        changes: { ...targetOf('decline'), statusReason: request.statusReason, closedAt: clock.now() },
        entry: {
          kind: 'decline',
          side,
          message: { key: 'referrals.timeline.declined', params: { reason: request.statusReason } },
          note: request.statusReason,
        },
      }));
    },

    close(
      actor: UserActor,
      id: string,
      expected: Expected,
      request: CloseReferralRequest,
    ): Promise<Referral> {
      return move(actor, id, expected, 'close', (row, side) => {
        const dealValue = request.dealValue ?? row.dealValue;
        const currency = request.currency ?? row.currency;
        const reason = request.statusReason?.trim() || null;
        const problems: ErrorIssue[] = [];
        if (request.substatus === 'Won' && dealValue === null)
          problems.push(issue('dealValue', 'referrals.wonValueNeeded'));
        if (request.substatus === 'Lost' && !reason)
          problems.push(issue('statusReason', 'referrals.lostReasonNeeded'));
        if (problems.length === 0)
          problems.push(
            ...findReferralProblems({
              direction: row.direction,
              type: row.type as 'Shared' | 'Independent',
              consentToShare: row.consentToShare,
              country: row.customerCountry,
              dealValue,
              currency,
            }).map((p) => ({ ...p, path: p.path.replace(/^details\./, '') })),
          );
        if (problems.length > 0)
          throw new AppError('rule_violation', problem('referrals.cannotClose'), problems);
        const value = dealValue === null || currency === null ? '' : `${dealValue} ${currency}`;
        return {
          changes: {
            ...targetOf('close', request.substatus),
            statusReason: reason,
            dealValue,
            currency,
            closedAt: clock.now(),
          },
          entry: {
            kind: 'close',
            side,
            message: {
              key: `referrals.timeline.${request.substatus === 'Won' ? 'won' : 'lost'}`,
              params: (request.substatus === 'Won' ? { value } : { reason: reason ?? '' }) as Record<
                string,
                string
              >,
            },
            note: reason,
          },
        };
      });
    },

    async addNote(
      actor: UserActor,
      id: string,
      expected: Expected,
      text: string,
    ): Promise<ReferralTimelineEntry> {
      return transaction(async (r) => {
        const { row, reader } = await loadIn(r, actor, id, 'write');
        assertCurrent(expected, row.version);
        const side = sideOf(reader);
        await write(r, row, joinTeam(row, actor, side), actor, [
          { kind: 'note', side, message: { key: 'referrals.timeline.note', params: {} }, note: text },
        ]);
        const last = (await r.referrals.events(id)).at(-1);
        if (!last) throw notFound('note');
        return presentTimelineEntry(last);
      });
    },

    async timeline(actor: UserActor, id: string): Promise<{ items: ReferralTimelineEntry[] }> {
      await transaction((r) => loadIn(r, actor, id, 'read'));
      return { items: (await repos.referrals.events(id)).map(presentTimelineEntry) };
    },
  };
}

export type ReferralService = ReturnType<typeof createReferralService>;
