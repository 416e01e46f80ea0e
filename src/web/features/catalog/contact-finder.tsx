import {
  Body1,
  Caption1,
  Field,
  Link,
  makeStyles,
  Select,
  Subtitle1,
  Subtitle2,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { CatalogContacts } from '../../../domain/catalog/catalog-schema.js';
import type { ReferenceResponse } from '../../../domain/schemas/reference.js';
import { LoadingState, QueryError } from '../../components/query-state.js';
import { useCatalogContacts } from './catalog-queries.js';
import { CountryCombobox } from './country-combobox.js';
import type { CatalogLabels } from './use-catalog-labels.js';

type CatalogContact = CatalogContacts['contacts'][number];

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  fields: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalL,
    border: 'none',
    margin: 0,
    padding: 0,
  },
  field: { minWidth: '240px' },
  legend: {
    padding: 0,
    fontWeight: tokens.fontWeightSemibold,
    marginBlockEnd: tokens.spacingVerticalXS,
    width: '100%',
  },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  contact: { display: 'flex', flexDirection: 'column' },
  meta: { color: tokens.colorNeutralForeground2 },
});

interface ContactFinderProps {
  offerId: string;
  country: string;
  role: string;
  onChange: (choice: { country: string; role: string }) => void;
  reference: ReferenceResponse;
  labels: CatalogLabels;
}

/** Who to contact for a country and a role: direct contacts first, then those for all countries. */
export function ContactFinder({ offerId, country, role, onChange, reference, labels }: ContactFinderProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const contacts = useCatalogContacts(offerId, country, role);
  const items = contacts.data?.contacts ?? [];
  const direct = items.filter((contact) => contact.coverage === 'direct');
  const global = items.filter((contact) => contact.coverage === 'global');
  const summary = role
    ? t('catalog.contacts.summary', { role: labels.roleLabel(role), country: labels.countryName(country) })
    : t('catalog.contacts.summaryAnyRole', { country: labels.countryName(country) });

  return (
    <section className={styles.root} aria-labelledby="contact-finder-heading" data-testid="contact-finder">
      <Subtitle1 as="h2" id="contact-finder-heading">
        {t('catalog.contacts.heading')}
      </Subtitle1>
      <fieldset className={styles.fields}>
        <legend className={styles.legend}>{t('catalog.contacts.choose')}</legend>
        <CountryCombobox
          label={t('catalog.contacts.country')}
          placeholder={t('catalog.contacts.countryPlaceholder')}
          options={reference.countries}
          value={country}
          onChange={(code) => onChange({ country: code, role })}
          nameOf={labels.countryName}
          className={styles.field}
          testId="contact-finder-country"
        />
        <Field label={t('catalog.contacts.role')} className={styles.field}>
          <Select
            value={role}
            onChange={(_event, data) => onChange({ country, role: data.value })}
            data-testid="contact-finder-role"
          >
            <option value="">{t('catalog.contacts.anyRole')}</option>
            {reference.contactRoles.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.label}
              </option>
            ))}
          </Select>
        </Field>
      </fieldset>
      <div data-testid="contact-finder-results" aria-busy={contacts.isFetching}>
        {country === '' ? (
          <Body1 className={styles.meta}>{t('catalog.contacts.chooseCountry')}</Body1>
        ) : contacts.isPending ? (
          <LoadingState />
        ) : contacts.isError ? (
          <QueryError error={contacts.error} onRetry={() => void contacts.refetch()} />
        ) : (
          <div className={styles.root}>
            <Text role="status" data-testid="contact-finder-summary">
              {`${summary}: ${t('catalog.contacts.found', { count: items.length })}`}
            </Text>
            <ContactGroup
              title={t('catalog.contacts.direct')}
              empty={t('catalog.contacts.noDirect')}
              contacts={direct}
              labels={labels}
              testId="contact-group-direct"
            />
            <ContactGroup
              title={t('catalog.contacts.global')}
              empty={t('catalog.contacts.noGlobal')}
              contacts={global}
              labels={labels}
              testId="contact-group-global"
            />
          </div>
        )}
      </div>
    </section>
  );
}

interface ContactGroupProps {
  title: string;
  empty: string;
  contacts: readonly CatalogContact[];
  labels: CatalogLabels;
  testId: string;
}

function ContactGroup({ title, empty, contacts, labels, testId }: ContactGroupProps) {
  const styles = useStyles();
  const headingId = `${testId}-heading`;
  return (
    <div className={styles.group} data-testid={testId}>
      <Subtitle2 as="h3" id={headingId}>
        {title}
      </Subtitle2>
      {contacts.length === 0 ? (
        <Body1 className={styles.meta}>{empty}</Body1>
      ) : (
        <ul className={styles.list} aria-labelledby={headingId}>
          {contacts.map((contact) => (
            <li
              key={contact.id}
              className={styles.contact}
              data-testid="contact-result"
              data-match={contact.coverage}
            >
              <Text weight="semibold">{contact.name}</Text>
              <Caption1
                className={styles.meta}
              >{`${contact.jobTitle} · ${labels.roleLabel(contact.role)}`}</Caption1>
              <Link href={`mailto:${contact.email}`}>{contact.email}</Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
