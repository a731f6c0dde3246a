/**
 * Runs a mock server from the command line: reads `--port <port>` (default `defaultPort`), starts the server, and keeps
 * it up until SIGINT or SIGTERM stops it. Exits with 2 on a bad port and 1 when the server does not start (a taken
 * port is named as such), so each mock's `cli.ts` is only its banner.
 */
export async function runServerCommand<Server extends { stop(): Promise<void> }>(
  defaultPort: number,
  start: (port: number) => Promise<Server>,
  argv: readonly string[] = process.argv.slice(2),
): Promise<Server> {
  let port = defaultPort;
  const index = argv.indexOf('--port');
  if (index >= 0) {
    port = Number(argv[index + 1]);
    if (!Number.isInteger(port) || port < 0 || port > 65_535) {
      console.error(`--port needs a port number, got ${argv[index + 1] ?? 'nothing'}.`);
      process.exit(2);
    }
  }
  let server: Server;
  try {
    server = await start(port);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    console.error(
      code === 'EADDRINUSE' ? 'The port is already in use; pass --port <port>.' : error instanceof Error ? error.message : error,
    );
    process.exit(1);
  }
  const stop = () => void server.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return server;
}
