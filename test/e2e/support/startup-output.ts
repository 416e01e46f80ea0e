/**
 * Reading what a started server printed: its start-up lines (src/server/startup-lines.ts) and its logs, JSON
 * when its output is not a terminal, readable lines when COSELL_LOG_FORMAT=pretty.
 */
import { expect } from 'vitest';

/** Asserts that each pattern occurs in the text after the one before it. */
export function expectInOrder(text: string, patterns: (string | RegExp)[]): void {
  let from = 0;
  for (const pattern of patterns) {
    const rest = text.slice(from);
    const match =
      typeof pattern === 'string'
        ? { index: rest.indexOf(pattern), length: pattern.length }
        : (() => {
            const found = pattern.exec(rest);
            return { index: found?.index ?? -1, length: found?.[0].length ?? 0 };
          })();
    expect(
      match.index,
      `${String(pattern)} does not follow the lines before it in:\n${text}`,
    ).toBeGreaterThanOrEqual(0);
    from += match.index + match.length;
  }
}

/** The log entries among the lines, parsed: every line that opens a JSON object. */
export function jsonLogEntries(text: string): { level: number; msg: string; [key: string]: unknown }[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { level: number; msg: string });
}

/** Lines pino-pretty wrote: `[HH:MM:ss.mmm] LEVEL: message`. */
export const PRETTY_LOG_LINE = /^\[\d\d:\d\d:\d\d\.\d{3}\] (TRACE|DEBUG|INFO|WARN|ERROR|FATAL): /m;
