import { createServer, type Server } from 'node:net';

export interface ReceivedEmail {
  from: string;
  to: string[];
  data: string;
}

/** A minimal SMTP server that accepts every message and keeps it, so tests can read what was sent. */
export async function startFakeSmtpServer(): Promise<{
  url: string;
  received: ReceivedEmail[];
  close(): Promise<void>;
}> {
  const received: ReceivedEmail[] = [];
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
          received.push(current);
          current = { from: '', to: [], data: '' };
          reply('250 queued');
          continue;
        }
        const newline = buffer.indexOf('\r\n');
        if (newline === -1) return;
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 2);
        const command = line.slice(0, 4).toUpperCase();
        if (command === 'MAIL') current.from = line.slice(10);
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
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
