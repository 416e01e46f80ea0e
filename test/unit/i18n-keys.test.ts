import { describe, expect, it } from 'vitest';
import { messageCatalogues, type ServerCatalogue } from '../../src/domain/messages/format-message.js';
import {
  compareDictionaries,
  findMissingKeys,
  listKeys,
  type MessageTree,
  placeholdersOf,
} from '../../src/web/i18n/dictionary-keys.js';
import { en } from '../../src/web/i18n/en.js';
import { problemDictionaries } from '../../src/web/i18n/problems.js';
import { sv } from '../../src/web/i18n/sv.js';

describe('the key comparison itself', () => {
  // Proves the check can fail: without these, a comparison that always returns [] would pass silently.
  const a: MessageTree = {
    shared: 'x',
    onlyA: 'y',
    nested: { both: 'x', deepOnlyA: 'y' },
    branch: { leaf: 'z' },
  };
  const b: MessageTree = {
    shared: 'x',
    onlyB: 'y',
    nested: { both: 'x', deepOnlyB: 'y' },
    branch: 'not a branch',
  };

  it('reports keys missing on either side, nested ones included', () => {
    expect(compareDictionaries(a, b)).toEqual({
      missingInB: ['onlyA', 'nested.deepOnlyA', 'branch'],
      missingInA: ['onlyB', 'nested.deepOnlyB', 'branch'],
    });
  });

  it('reports nothing for dictionaries with the same shape', () => {
    expect(findMissingKeys({ a: { b: 'x' } }, { a: { b: 'y' } })).toEqual([]);
  });

  it('lists leaves as dotted paths and finds placeholders', () => {
    expect(listKeys({ a: { b: 'x', c: { d: 'y' } } })).toEqual(['a.b', 'a.c.d']);
    expect(placeholdersOf('Hi {{name}}, {{ count }} new')).toEqual(['count', 'name']);
  });
});

describe('the server-written words (src/domain/messages)', () => {
  const lookup = (tree: MessageTree, path: string) =>
    path.split('.').reduce<MessageTree | string>((node, key) => (node as MessageTree)[key] ?? '', tree);

  // The messages and, under problems., what the errors say: every server-written word.
  const { en: serverEn, sv: serverSv } = messageCatalogues;

  it('have the same keys and placeholders in English and Swedish, none empty', () => {
    expect(serverEn).toHaveProperty('problems.codes.not_found');
    expect(compareDictionaries(serverEn, serverSv)).toEqual({ missingInB: [], missingInA: [] });
    for (const key of listKeys(serverEn)) {
      const swedish = lookup(serverSv, key) as string;
      expect(placeholdersOf(swedish), key).toEqual(placeholdersOf(lookup(serverEn, key) as string));
      expect(swedish.trim(), key).not.toBe('');
    }
  });

  it('are in the web dictionaries at the same paths, word for word, so a stored key reads alike', () => {
    // Emails are only ever written by the server: the one branch the web does not read.
    const webRead = ({ email: _email, ...rest }: ServerCatalogue) => rest;
    // The problems branch reaches the web's dictionaries after the first render (src/web/i18n/problems.ts).
    for (const [catalogue, dictionary] of [
      [webRead(serverEn), { ...en, ...problemDictionaries.en }],
      [webRead(serverSv), { ...sv, ...problemDictionaries.sv }],
    ] as const) {
      expect(findMissingKeys(catalogue, dictionary)).toEqual([]);
      for (const key of listKeys(catalogue))
        expect(lookup(dictionary, key), key).toBe(lookup(catalogue, key));
    }
  });
});

describe('en and sv dictionaries', () => {
  it('have exactly the same keys', () => {
    expect(compareDictionaries(en, sv)).toEqual({ missingInB: [], missingInA: [] });
  });

  it('interpolate the same placeholders and leave no message empty', () => {
    const lookup = (tree: MessageTree, path: string) =>
      path
        .split('.')
        .reduce<MessageTree | string>((node, key) => (node as MessageTree)[key] ?? '', tree) as string;
    for (const key of listKeys(en)) {
      expect(placeholdersOf(lookup(sv, key)), key).toEqual(placeholdersOf(lookup(en, key)));
      expect(lookup(sv, key).trim(), key).not.toBe('');
    }
  });

  it('speak real Swedish for the everyday words', () => {
    expect(sv.signIn.submit).toBe('Logga in');
    expect(sv.userMenu.signOut).toBe('Logga ut');
    expect(sv.language.label).toBe('Språk');
    expect(sv.userMenu.apiTokens).toBe('API-nycklar');
    expect([sv.nav.offers, sv.offers.create, sv.offers.save, sv.offers.actions.publish]).toEqual([
      'Erbjudanden',
      'Skapa erbjudande',
      'Spara',
      'Publicera',
    ]);
    expect([sv.offers.actions.unpublish, sv.history.heading, sv.offers.tabs.cosell]).toEqual([
      'Ta tillbaka till utkast',
      'Historik',
      'Samförsäljning med Microsoft',
    ]);
  });

  it('speak real Swedish about contacts', () => {
    expect([
      sv.coSell.contacts.heading,
      sv.contacts.add,
      sv.contacts.csv.import,
      sv.contacts.csv.export,
      sv.contacts.csv.template,
      sv.contacts.csv.exportXlsx,
      sv.contacts.csv.templateXlsx,
      sv.contacts.preview.confirm,
      sv.contacts.coverage.heading,
    ]).toEqual([
      'Kontakter',
      'Lägg till kontakt',
      'Importera',
      'Exportera (CSV)',
      'Ladda ned mall (CSV)',
      'Exportera (Excel)',
      'Ladda ned mall (Excel)',
      'Ersätt alla kontakter',
      'Täckning',
    ]);
    expect(sv.contacts.undo.button).toBe('Ångra: {{change}}');
    expect([sv.contacts.columns.role, sv.contacts.filters.country, sv.contacts.columns.states]).toEqual([
      'Roll',
      'Land/region',
      'Delstat/provins',
    ]);
  });

  it('keep the English names the end-to-end tests look for', () => {
    expect([en.signIn.email, en.signIn.password, en.signIn.submit, en.userMenu.signOut]).toEqual([
      'Email',
      'Password',
      'Sign in',
      'Sign out',
    ]);
    expect([en.userMenu.apiTokens, en.tokens.create, en.tokens.revoke]).toEqual([
      'API tokens',
      'Create token',
      'Revoke',
    ]);
    expect([en.offers.create, en.offers.save, en.offers.actions.publish, en.conflict.reload]).toEqual([
      'Create offer',
      'Save',
      'Publish',
      'Reload',
    ]);
    expect([en.contacts.preview.confirm, en.contacts.preview.added_other, en.contacts.undo.button]).toEqual([
      'Replace all contacts',
      '{{count}} added',
      'Undo: {{change}}',
    ]);
    expect([en.contacts.deleteLabel, en.contacts.undo.deleted, en.contacts.coverage.direct]).toEqual([
      'Delete {{name}}',
      'deleted {{name}}',
      'Direct',
    ]);
  });
});
