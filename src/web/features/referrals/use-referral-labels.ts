import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferralStatus, ReferralSubstatus } from '../../../domain/referrals/referral-enums.js';
import { useReference } from '../../api/reference-queries.js';
import { useFormatDate } from '../../components/use-format-date.js';
import { formatMoney } from './referral-format.js';

/** Words for what a referral shows by id: statuses, sizes, countries, money and dates in the reader's language. */
export function useReferralLabels() {
  const { t, i18n } = useTranslation();
  const reference = useReference();
  const formatDate = useFormatDate();
  const language = i18n.resolvedLanguage ?? 'en';
  const countryName = useCallback(
    (code: string) => reference.data?.countries.find((c) => c.code === code)?.name ?? code,
    [reference.data],
  );
  const statusLabel = useCallback(
    (status: ReferralStatus, substatus: ReferralSubstatus) =>
      t('referrals.statusWithSub', {
        status: t(`referrals.statuses.${status}`),
        substatus: t(`referrals.substatuses.${substatus}`),
      }),
    [t],
  );
  const sizeLabel = useCallback(
    (size: string | null) =>
      size ? t(`referrals.sizes.${size}` as 'referrals.sizes.1to50employees') : t('referrals.deal.unknown'),
    [t],
  );
  const money = useCallback(
    (value: number | null, currency: string | null) =>
      value === null || currency === null
        ? t('referrals.pipeline.noValue')
        : formatMoney(value, currency, language),
    [t, language],
  );
  return {
    countryName,
    statusLabel,
    sizeLabel,
    money,
    formatDate,
    countries: reference.data?.countries ?? [],
  };
}
