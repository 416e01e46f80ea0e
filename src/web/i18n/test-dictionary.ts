/**
 * The e2e tier's pseudo-locale (test/e2e/pseudo-locale.test.ts) rewrites every English string so that a
 * screen can be searched for words that bypassed the dictionaries. The rewrite comes from the test harness,
 * not from this bundle: a browser under automation (`navigator.webdriver`, which a person's browser never
 * sets) may define `cosellRewriteEnglish` before the app starts; otherwise the dictionaries are used as they are.
 */
declare global {
  interface Window {
    cosellRewriteEnglish?: <T>(dictionary: T) => T;
  }
}

/** English as the app shows it: the harness's rewrite of `dictionary` under automation, else `dictionary`. */
export function englishForThisBrowser<T>(dictionary: T): T {
  if (typeof window === 'undefined' || !window.navigator.webdriver) return dictionary;
  const rewrite = window.cosellRewriteEnglish;
  return typeof rewrite === 'function' ? rewrite(dictionary) : dictionary;
}
