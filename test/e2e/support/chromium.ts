/** Debian's Chromium, as the e2e tier starts it (never a browser downloaded by a test tool). */
export const chromiumPath = process.env.COSELL_CHROMIUM ?? '/usr/bin/chromium';

// Without the background-networking flags Chromium keeps reaching for Google's hosts, which this
// machine's closed network refuses.
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
