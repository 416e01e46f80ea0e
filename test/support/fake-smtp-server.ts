import { createServer, type Server } from 'node:net';

export interface ReceivedEmail {
  from: string;
  to: string[];
  data: string;
}

export interface FakeSmtpServer {
  url: string;
  received: ReceivedEmail[];
  /** Addresses refused at RCPT with a permanent 550 (as `<address>`-less lower-case strings). */
  refused: Set<string>;
  /**
   * Addresses whose message is held: the server reads it whole but does not answer the final dot, so it is
   * not accepted (nor kept in `received`) unless released; a sender that dies meanwhile delivered nothing.
   */
  held: Set<string>;
  /** Resolves when a message to a held address arrives and waits. */
  nextHeld(): Promise<string>;
  /** Accepts the messages held so far. */
  releaseHeld(): void;
  close(): Promise<void>;
}

const mailbox = (argument: string) => argument.replace(/^.*?</, '').replace(/>.*$/, '').toLowerCase();

/** A minimal SMTP server that accepts every message and keeps it, so tests can read what was sent. */
export async function startFakeSmtpServer(): Promise<FakeSmtpServer> {
  const received: ReceivedEmail[] = [];
  const refused = new Set<string>();
  const held = new Set<string>();
  const waiting: (() => void)[] = [];
  const heldWaiters: ((to: string) => void)[] = [];
  const server: Server = createServer((socket) => {
    let buffer = '';
    let inData = false;
    let current: ReceivedEmail = { from: '', to: [], data: '' };
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 fake-smtp ready');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      while (true) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end === -1) return;
          current.data = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          inData = false;
          const message = current;
          current = { from: '', to: [], data: '' };
          const accept = () => {
            if (socket.destroyed) return;
            received.push(message);
            reply('250 queued');
          };
          const heldTo = message.to.map(mailbox).find((to) => held.has(to));
          if (heldTo) {
            waiting.push(accept);
            for (const waiter of heldWaiters.splice(0)) waiter(heldTo);
          } else accept();
          continue;
        }
        const newline = buffer.indexOf('\r\n');
        if (newline === -1) return;
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 2);
        const command = line.slice(0, 4).toUpperCase();
        if (command === 'MAIL') current.from = line.slice(10);
        if (command === 'RCPT' && refused.has(mailbox(line))) {
          reply('550 5.1.1 No such mailbox here');
          continue;
        }
        if (command === 'RCPT') current.to.push(line.slice(8));
        if (command === 'DATA') inData = true;
        const replies: Record<string, string> = {
          EHLO: '250 fake-smtp',
          HELO: '250 fake-smtp',
          DATA: '354 end with <CRLF>.<CRLF>',
          QUIT: '221 bye',
        };
        reply(replies[command] ?? '250 ok');
        if (command === 'QUIT') socket.end();
      }
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refused,
    held,
    nextHeld: () => new Promise((resolve) => heldWaiters.push(resolve)),
    releaseHeld: () => {
      for (const accept of waiting.splice(0)) accept();
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
