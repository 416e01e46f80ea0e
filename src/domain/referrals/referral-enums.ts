import { rawReferralEnumerations as raw } from '../reference/generated/reference-data.js';

/**
 * Partner Center's referral enumerations, read from reference/referral-api.json (through the generated
 * module), so our names cannot drift from theirs. `None` is Partner Center's unset value: a referral here is
 * always in a real status, so it is left out of what we accept and answer.
 */
const withoutNone = <T extends string>(values: readonly T[]) =>
  values.filter((v): v is Exclude<T, 'None'> => v !== 'None') as [
    Exclude<T, 'None'>,
    ...Exclude<T, 'None'>[],
  ];

export const referralStatuses = withoutNone(raw.statuses);
export type ReferralStatus = (typeof referralStatuses)[number];

export const referralSubstatuses = withoutNone(raw.substatuses);
export type ReferralSubstatus = (typeof referralSubstatuses)[number];

export const referralTypes = [...raw.types] as [(typeof raw.types)[number], ...(typeof raw.types)[number][]];
export type ReferralType = (typeof referralTypes)[number];

export const referralQualifications = [...raw.qualifications] as [
  (typeof raw.qualifications)[number],
  ...(typeof raw.qualifications)[number][],
];
export type ReferralQualification = (typeof referralQualifications)[number];

export const customerSizes = [...raw.customerSizes] as [
  (typeof raw.customerSizes)[number],
  ...(typeof raw.customerSizes)[number][],
];
export type CustomerSize = (typeof customerSizes)[number];

/** The substatuses each status allows, as Partner Center documents them. */
export const substatusesOf: Readonly<Record<ReferralStatus, readonly ReferralSubstatus[]>> = {
  New: raw.statusTransitions.New.substatus,
  Active: raw.statusTransitions.Active.substatus,
  Closed: raw.statusTransitions.Closed.substatus,
};

/** The statuses each status may move to (itself included), as Partner Center documents them. */
export const nextStatusesOf: Readonly<Record<ReferralStatus, readonly ReferralStatus[]>> = {
  New: raw.statusTransitions.New.next,
  Active: raw.statusTransitions.Active.next,
  Closed: raw.statusTransitions.Closed.next,
};

/**
 * Which way a referral goes, seen from the partner (the publisher): `incoming` when one of the vendor's sellers
 * referred a customer to the partner, `outgoing` when the partner shares its own deal with the vendor's
 * sellers (or, as an Independent referral, keeps it to itself).
 */
export const referralDirections = ['incoming', 'outgoing'] as const;
export type ReferralDirection = (typeof referralDirections)[number];

/** The two parties of a referral: the publisher's organisation, and the vendor's sellers. */
export const referralSides = ['partner', 'vendor'] as const;
export type ReferralSide = (typeof referralSides)[number];

/** The outcomes a person closes an accepted referral with. */
export const closingSubstatuses = ['Won', 'Lost'] as const;
export type ClosingSubstatus = (typeof closingSubstatuses)[number];
