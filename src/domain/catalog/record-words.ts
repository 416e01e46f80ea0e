import { type LabelKind, searchLabelWords } from './catalog-labels.js';
import { FIELD } from './fields.js';
import { foldText } from './fold.js';
import { byteList, intList } from './growable.js';
import type { Vocabulary } from './vocabulary.js';

/** What an offer's words are read from. */
export interface WordSources {
  name: string;
  summary: string;
  platforms: readonly string[];
  areas: readonly string[];
  subAreas: readonly string[];
  /** Folded name, summary, description and labels (catalog-index.ts writes it). */
  searchText: string;
}

/**
 * Reads an offer's words: each distinct word once, with the fields it stands in (FIELD bits). search_text is
 * stored folded, so it is only split; it holds the name and the summary as well as the description, so a
 * word found only there is in the description. Buffers are reused from one offer to the next (a full load
 * reads a hundred thousand), so reading allocates nothing but new words.
 */
export class RecordWords {
  /** The distinct words of the offer last read, and the fields each stands in. */
  readonly ids = intList();
  readonly fields = byteList();
  private readonly tokens = intList();
  /** Per word id: the read that last saw it, and where it is in `ids`. */
  private seenBy = new Int32Array(1024);
  private position = new Int32Array(1024);
  private reads = 0;
  private readonly labels = new Map<LabelKind, Map<string, Int32Array>>();

  constructor(private readonly vocabulary: Vocabulary) {}

  read(row: WordSources): void {
    this.reads++;
    this.ids.length = 0;
    this.fields.length = 0;
    this.text(row.searchText, FIELD.description);
    this.text(foldText(row.summary), FIELD.summary);
    this.label('platforms', row.platforms);
    this.label('solutionAreas', row.areas);
    this.label('subAreas', row.subAreas);
    this.text(foldText(row.name), FIELD.name);
  }

  private text(folded: string, field: number): void {
    const tokens = this.tokens;
    tokens.length = 0;
    this.vocabulary.scanFolded(folded, tokens);
    for (let i = 0; i < tokens.length; i++) this.see(tokens.data[i] as number, field);
  }

  private label(kind: LabelKind, ids: readonly string[]): void {
    let known = this.labels.get(kind);
    if (!known) {
      known = new Map();
      this.labels.set(kind, known);
    }
    for (const id of ids) {
      let words = known.get(id);
      if (!words) {
        words = Int32Array.from(searchLabelWords(kind, id), (word) => this.vocabulary.intern(word));
        known.set(id, words);
      }
      for (const word of words) this.see(word, FIELD.label);
    }
  }

  private see(word: number, field: number): void {
    if (word >= this.seenBy.length) this.grow(word);
    if (this.seenBy[word] === this.reads) {
      const at = this.position[word] as number;
      this.fields.data[at] = (this.fields.data[at] as number) | field;
      return;
    }
    this.seenBy[word] = this.reads;
    this.position[word] = this.ids.length;
    this.ids.push(word);
    this.fields.push(field);
  }

  private grow(word: number): void {
    const size = Math.max(word + 1, this.seenBy.length * 2);
    const seenBy = new Int32Array(size);
    seenBy.set(this.seenBy);
    this.seenBy = seenBy;
    this.position = new Int32Array(size);
  }
}
