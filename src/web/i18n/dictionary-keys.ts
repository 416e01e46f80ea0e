/** A nested dictionary of messages, as in en.ts and sv.ts. */
export interface MessageTree {
  [key: string]: string | MessageTree;
}

/** Every leaf key as a dotted path, such as `tokens.createDialog.title`. */
export function listKeys(tree: MessageTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' ? [path] : listKeys(value, path);
  });
}

/** Keys in `source` (leaves or whole branches) that `target` lacks, or has as a different kind of node. */
export function findMissingKeys(source: MessageTree, target: MessageTree, prefix = ''): string[] {
  return Object.entries(source).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    const other = target[key];
    if (other === undefined) return [path];
    if (typeof value === 'string') return typeof other === 'string' ? [] : [path];
    return typeof other === 'string' ? [path] : findMissingKeys(value, other, path);
  });
}

/** Differences both ways, so a key only in the second language is caught as well. */
export function compareDictionaries(
  a: MessageTree,
  b: MessageTree,
): { missingInB: string[]; missingInA: string[] } {
  return { missingInB: findMissingKeys(a, b), missingInA: findMissingKeys(b, a) };
}

/** The `{{placeholders}}` a message interpolates, sorted, so both languages can be held to the same set. */
export function placeholdersOf(message: string): string[] {
  return [...message.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1] ?? '').sort();
}
