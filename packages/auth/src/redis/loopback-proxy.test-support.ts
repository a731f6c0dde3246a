// A TCP proxy on 127.0.0.1 for the lease and outage tests (lease-and-outage.test.ts): it can hold an
// answer back before passing it on, and cut every connection and refuse new ones for a while, as a
// network partition between a process and its Redis or token endpoint would.
import { connect, createServer, type Socket } from 'node:net';

/** Options of {@link startLoopbackProxy}. */
export interface LoopbackProxyOptions {
  /** The port on 127.0.0.1 to forward to. */
  targetPort: number;
  /**
   * Runs when the target starts answering, with the bytes the client sent on that connection since
   * the previous answer (the request); the answer is passed on once the returned promise settles.
   */
  beforeAnswer?: ((request: string) => Promise<void> | undefined) | undefined;
}

/** A running {@link startLoopbackProxy}. */
export interface LoopbackProxy {
  port: number;
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /** Destroys every open connection now, and resets new ones, for `milliseconds`. */
  cut(milliseconds: number): void;
  /** Closes the listener and every connection. */
  stop(): Promise<void>;
}

/** Starts a TCP proxy from a free port on 127.0.0.1 to `targetPort`. */
export async function startLoopbackProxy(options: LoopbackProxyOptions): Promise<LoopbackProxy> {
  const sockets = new Set<Socket>();
  let cutUntil = 0;
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };

  const server = createServer((client) => {
    track(client);
    if (Date.now() < cutUntil) {
      client.resetAndDestroy();
      return;
    }
    const upstream = connect(options.targetPort, '127.0.0.1');
    track(upstream);
    let request = '';
    // Answer chunks go out in order, each after any hold of the answer it belongs to.
    let forwarding: Promise<void> = Promise.resolve();
    client.on('data', (chunk: Buffer) => {
      request += chunk.toString('latin1');
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      const seen = request;
      request = '';
      const hold = seen === '' ? undefined : options.beforeAnswer?.(seen);
      forwarding = forwarding
        .then(() => hold)
        .then(() => {
          if (!client.destroyed) client.write(chunk);
        });
    });
    upstream.on('end', () => void forwarding.then(() => client.end()));
    client.on('end', () => upstream.end());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => void forwarding.then(() => client.destroy()));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as { port: number };

  return {
    port,
    url: `http://127.0.0.1:${port}`,
    cut(milliseconds) {
      cutUntil = Date.now() + milliseconds;
      for (const socket of sockets) socket.resetAndDestroy();
    },
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
