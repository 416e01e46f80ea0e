import type { FastifyServerOptions } from 'fastify';
import { prettyFactory } from 'pino-pretty';

/**
 * How the server's logs look. A person at a terminal reads one line per entry with its time and level
 * (pino-pretty); anything else (a file, a pipe, a container's log collector) gets pino's JSON, one object
 * per line. COSELL_LOG_FORMAT forces either; `auto` chooses by whether stdout is a terminal.
 */
export type LogFormatSetting = 'auto' | 'json' | 'pretty';
export type LogFormat = 'json' | 'pretty';

/** The format to write: the forced one, else pretty on a terminal and JSON elsewhere. */
export function chooseLogFormat(setting: LogFormatSetting, isTerminal: boolean): LogFormat {
  if (setting !== 'auto') return setting;
  return isTerminal ? 'pretty' : 'json';
}

/** Where text goes: process.stdout, or a test's collector. */
export interface TextOut {
  write(text: string): unknown;
}

/**
 * A pino destination that turns each JSON line into a readable one as it is written. Synchronous, in this
 * thread: the entries keep their order with the start-up lines main.ts writes to the same stdout, and the
 * last entry before process.exit is not lost. Pino's serializers ran before the line was made, so the
 * redaction of log-redaction.ts holds here as in JSON.
 */
export function prettyDestination(out: TextOut, options: { colorize?: boolean } = {}): TextOut {
  const prettify = prettyFactory({
    // pino-pretty's default colours a terminal that supports it (and honours NO_COLOR / FORCE_COLOR).
    ...(options.colorize !== undefined && { colorize: options.colorize }),
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname',
    singleLine: false,
  });
  return { write: (line: string) => out.write(prettify(line)) };
}

/** The Fastify logger options for a format: pino's own JSON to stdout, or the pretty destination. */
export function loggerOptionsFor(
  format: LogFormat,
  out: TextOut = process.stdout,
): Exclude<FastifyServerOptions['logger'], boolean | undefined> {
  return format === 'pretty' ? { stream: prettyDestination(out) } : {};
}
