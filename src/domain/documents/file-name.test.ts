import { describe, expect, it } from 'vitest';
import { cleanFileName, extensionOf, MAX_FILE_NAME_LENGTH, sanitizeFileName } from './file-name.js';

describe('sanitizeFileName', () => {
  it.each([
    ['deck.pdf', 'deck.pdf'],
    ['../../etc/passwd.pdf', 'passwd.pdf'],
    ['C:\\Users\\me\\Desktop\\deck.pptx', 'deck.pptx'],
    ['Översikt åäö.pdf', 'Översikt åäö.pdf'],
    // Decomposed (macOS) "Ö" becomes the composed form.
    ['O\u0308versikt.pdf', 'Översikt.pdf'],
    ['line\nbreak\u0000.pdf', 'linebreak.pdf'],
    ['evil\u202efdp.exe', 'evilfdp.exe'],
    ['what?<is>"this"|*.pdf', 'what__is__this___.pdf'],
    ['  spaced   out  .pdf ', 'spaced out .pdf'],
    ['...hidden.pdf', 'hidden.pdf'],
    ['.pdf', 'document.pdf'],
    ['', 'document'],
    ['/', 'document'],
  ])('%j → %j', (raw, safe) => {
    expect(sanitizeFileName(raw)).toBe(safe);
  });

  it('shortens long names by code points, keeping the extension', () => {
    const long = `${'Å'.repeat(100)}${'😀'.repeat(100)}.docx`;
    const safe = sanitizeFileName(long);
    expect(Array.from(safe)).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(safe.endsWith('😀.docx')).toBe(true);
    // No lone surrogate: every code point survives a UTF-8 round trip.
    expect(Buffer.from(safe).toString()).toBe(safe);
  });

  it('does not keep an absurd extension', () => {
    const safe = sanitizeFileName(`a.${'x'.repeat(300)}`);
    expect(safe).toHaveLength(MAX_FILE_NAME_LENGTH);
  });
});

describe('cleanFileName', () => {
  it.each([
    // A name the server makes from data keeps every segment; the separators are replaced, not followed.
    ['A/B testing contacts.csv', 'A_B testing contacts.csv'],
    ['Ops\\EMEA contacts.csv', 'Ops_EMEA contacts.csv'],
    ['Evil\u202Evsc.exe contacts.csv', 'Evilvsc.exe contacts.csv'],
    ['Isolated\u2066 \u200Fmarks\u0085.csv', 'Isolated marks.csv'],
  ])('%j → %j', (raw, safe) => {
    expect(cleanFileName(raw)).toBe(safe);
  });

  it('shortens a long name made from data, keeping the extension', () => {
    const safe = cleanFileName(`${'Contoso '.repeat(30)}contacts.csv`);
    expect(Array.from(safe)).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(safe.endsWith('.csv')).toBe(true);
  });
});

describe('extensionOf', () => {
  it.each([
    ['deck.PDF', '.pdf'],
    ['archive.tar.gz', '.gz'],
    ['noextension', ''],
    ['.bashrc', ''],
    ['trailing.', ''],
  ])('%j → %j', (name, extension) => {
    expect(extensionOf(name)).toBe(extension);
  });
});
