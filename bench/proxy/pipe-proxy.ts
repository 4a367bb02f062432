// The reference of part (d): the least a Node proxy can do, run as a child process like the
// proxy: `node --import tsx bench/proxy/pipe-proxy.ts <upstreamUrl>`. node:http both ways, keep-
// alive to the upstream, the request body forwarded and the answer's bytes written on as they
// come — no parsing, no checks, no state. What it adds is what this machine costs any proxy.
// It prints `listening <port>` once it listens on 127.0.0.1.
import { Agent, createServer, request } from 'node:http';

const upstream = new URL(process.argv[2] ?? 'http://127.0.0.1:1');
const agent = new Agent({ keepAlive: true });
const server = createServer((incoming, outgoing) => {
  const body: Buffer[] = [];
  incoming.on('data', (chunk: Buffer) => body.push(chunk));
  incoming.on('end', () => {
    const forward = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        path: incoming.url,
        method: incoming.method,
        agent,
        headers: { 'content-type': 'application/json' },
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, {
          'content-type': answer.headers['content-type'] ?? 'text/event-stream',
        });
        answer.on('data', (chunk: Buffer) => outgoing.write(chunk));
        answer.on('end', () => outgoing.end());
      },
    );
    forward.on('error', () => outgoing.destroy());
    forward.end(Buffer.concat(body));
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : 0}\n`);
});
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
