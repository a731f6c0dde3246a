import { timingSafeEqual } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import { isLoopbackHost } from '@coverlink/auth';
import { CoverlinkError } from '@coverlink/core';
import { createHelloClaimsClient, type HelloClaimsClient, unwrap } from '@coverlink/helloclaims';
import type { Command } from 'commander';
import { CliError, UsageError } from '../cli-errors.js';
import { checkUrl, type HelloClaimsConfig, type HelloClaimsFlags, resolveHelloClaimsConfig } from '../config.js';
import { type CommandContext, contextOf, type RunOptions } from '../context.js';
import { FileTokenStore } from '../file-token-store.js';
import { parsePositiveInteger } from '../parsers.js';

export function addHelloClaimsCommands(program: Command, options: RunOptions): void {
  const helloClaims = program
    .command('helloclaims')
    .description("Hello Claims (Australia): connect a user, list the user's quote requests.");
  const withCommonOptions = (command: Command) =>
    command
      .option('--user-id <id>', 'whose connection (env COVERLINK_HELLOCLAIMS_USER_ID)', undefined)
      .option('--store-dir <dir>', 'where grants are kept (env COVERLINK_STORE_DIR; default ~/.config/coverlink)')
      .option('--client-id <id>', 'client id (env COVERLINK_HELLOCLAIMS_CLIENT_ID)')
      .option('--client-secret <secret>', 'client secret; prefer env COVERLINK_HELLOCLAIMS_CLIENT_SECRET or .env (flags show in ps)')
      .option('--authorization-url <url>', 'authorize endpoint (env COVERLINK_HELLOCLAIMS_AUTHORIZATION_URL)')
      .option('--token-url <url>', 'token endpoint (env COVERLINK_HELLOCLAIMS_TOKEN_URL)')
      .option('--base-url <url>', 'repairer API (env COVERLINK_HELLOCLAIMS_BASE_URL)')
      .option('--scopes <scopes>', 'space-separated scopes to ask for (env COVERLINK_HELLOCLAIMS_SCOPES; required outside the local mocks)')
      .option(
        '--redirect-uri <uri>',
        'registered redirect URI (env COVERLINK_HELLOCLAIMS_REDIRECT_URI; default http://127.0.0.1:9999/callback)',
      );

  withCommonOptions(
    helloClaims
      .command('connect')
      .description(
        'Prints the authorize URL, waits on the redirect URI for the browser to come back, exchanges the code and stores the grant in the store folder (grants.json, mode 0600).',
      )
      .option('--timeout <seconds>', 'how long to wait for the browser', parsePositiveInteger, 300),
  ).action(async (flags: HelloClaimsFlags & { timeout: number }, command: Command) => connect(contextOf(command, options), flags));

  withCommonOptions(helloClaims.command('requests').description("Lists the connected user's pending quote requests.")).action(
    async (flags: HelloClaimsFlags, command: Command) => listRequests(contextOf(command, options), flags),
  );
}

function clientFor(config: HelloClaimsConfig): { client: HelloClaimsClient; store: FileTokenStore } {
  checkUrl(config.authorizationUrl, '--authorization-url');
  checkUrl(config.tokenUrl, '--token-url');
  checkUrl(config.baseUrl, '--base-url');
  const store = new FileTokenStore({ directory: config.storeDirectory });
  const client = createHelloClaimsClient({
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    redirectUri: config.redirectUri,
    scopes: config.scopes,
    authorizationUrl: config.authorizationUrl,
    tokenUrl: config.tokenUrl,
    baseUrl: config.baseUrl,
    tokenStore: store,
  });
  return { client, store };
}

async function connect(context: CommandContext, flags: HelloClaimsFlags & { timeout: number }): Promise<void> {
  const { reporter } = context;
  const config = resolveHelloClaimsConfig(context.source, context.environment, flags);
  const redirect = listenableRedirectUri(config.redirectUri);
  const { client, store } = clientFor(config);

  const callback = await listenForCallback(redirect);
  try {
    const { authorizationUrl, pending } = await client.connect({ userId: config.userId });
    reporter.notice(`Open this URL in your browser to connect Hello Claims:\n${authorizationUrl.href}`);
    const waitingText = `waiting for the browser on ${redirect.origin}${redirect.pathname}`;
    reporter.begin(waitingText);
    const ignored = () => {
      reporter.line(
        `  ! ignored a request to ${redirect.origin}${redirect.pathname} without this login's state (a stale tab, or a forged link); still waiting`,
      );
      reporter.begin(waitingText);
    };
    const received = await Promise.race([
      callback.next(pending.state, async (url) => client.completeConnect(url, pending), ignored),
      rejectAfter(flags.timeout, context.waitForStop()),
    ]);
    reporter.step(`connected user ${config.userId}: code exchanged on ${received.origin}${received.pathname}`);
    reporter.step(`grant stored in ${store.file} (the refresh token stays there, never printed)`);
    const stored = await store.get({ provider: 'helloclaims', clientId: config.clientId, subject: config.userId });
    reporter.result({ connected: true, userId: config.userId, store: store.file, scope: stored?.grant.scope ?? null });
  } finally {
    reporter.stop();
    await callback.close();
  }
}

async function listRequests(context: CommandContext, flags: HelloClaimsFlags): Promise<void> {
  const { reporter } = context;
  const config = resolveHelloClaimsConfig(context.source, context.environment, flags);
  const { client, store } = clientFor(config);
  const stored = await store.get({ provider: 'helloclaims', clientId: config.clientId, subject: config.userId });
  if (stored === undefined || stored.grant.status === 'dead') {
    throw new CliError(
      `No Hello Claims connection for user ${config.userId} in ${store.file}.`,
      'CLI_NOT_CONNECTED',
      'Run `coverlink helloclaims connect` first, with the same --store-dir, --user-id and --client-id.',
    );
  }
  reporter.begin('listing pending quote requests');
  const requests = unwrap(await client.forUser(config.userId).GET('/requests'));
  reporter.step(`${requests.length} pending quote request(s)`);
  for (const request of requests) {
    const vehicle = [request.vehicle.make, request.vehicle.model, request.vehicle.year].filter((part) => part !== undefined).join(' ');
    reporter.line(`    ${request.claimNumber}  ${vehicle}  expires ${request.expiry}  (id ${request.id})`);
  }
  reporter.result({ userId: config.userId, requests });
}

/** The redirect URI as a URL this process can listen on: http, loopback, explicit port. */
function listenableRedirectUri(uri: string): URL {
  if (!URL.canParse(uri)) throw new UsageError(`--redirect-uri must be an absolute URL, got "${uri}".`);
  const url = new URL(uri);
  if (url.protocol !== 'http:' || !isLoopbackHost(url.hostname) || url.port === '') {
    throw new UsageError(
      `The CLI can only receive the callback on an http:// loopback redirect URI with a port, got "${uri}".`,
      'Register and pass one like http://127.0.0.1:9999/callback; a web server on another host must complete the flow itself.',
    );
  }
  return url;
}

interface CallbackListener {
  /**
   * Waits for the browser to come back carrying `state`, runs `complete` on that callback URL and
   * answers the browser with the outcome. Every other request (no state or another one, another
   * path or method, a favicon, a second callback) gets a 400 page and the wait goes on, so a web
   * page that fires a forged callback at the port cannot end a real login; `onIgnored` is told
   * about those that were aimed at the callback path.
   */
  next(state: string, complete: (url: URL) => Promise<void>, onIgnored?: () => void): Promise<URL>;
  close(): Promise<void>;
}

async function listenForCallback(redirect: URL): Promise<CallbackListener> {
  let waiting: { state: string; handle: (url: URL, response: ServerResponse) => void; onIgnored: (() => void) | undefined } | undefined;
  const server = createServer((request, response) => {
    const target = request.url ?? '/';
    const url = URL.canParse(target, redirect.origin) ? new URL(target, redirect.origin) : undefined;
    const onCallbackPath = request.method === 'GET' && url?.pathname === redirect.pathname;
    const current = waiting;
    if (url === undefined || !onCallbackPath || current === undefined || !sameState(url.searchParams.get('state'), current.state)) {
      respond(
        response,
        400,
        'Not this login',
        'This is not the callback of the login Coverlink is waiting for. If you are connecting Hello Claims, finish the login in the tab opened from the URL the terminal printed.',
      );
      if (onCallbackPath) current?.onIgnored?.();
      return;
    }
    // The right state arrives once: a second, replayed callback gets the 400 page above.
    waiting = undefined;
    current.handle(url, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new CliError(
              `Cannot listen on ${redirect.host}: the port is in use.`,
              'CLI_PORT_IN_USE',
              'Stop what uses it, or register and pass another --redirect-uri.',
            )
          : error,
      ),
    );
    server.listen(Number(redirect.port), redirect.hostname.replace(/^\[|\]$/g, ''), resolve);
  });
  return {
    next: (state, complete, onIgnored) =>
      new Promise<URL>((resolve, reject) => {
        waiting = {
          state,
          onIgnored,
          handle: (url, response) =>
            complete(url).then(
              () => {
                respond(response, 200, 'Connected to Hello Claims', 'Coverlink is connected. You can close this tab.');
                resolve(url);
              },
              (error: unknown) => {
                const message = CoverlinkError.isInstance(error) ? error.message : 'The connection could not be completed.';
                respond(response, 400, 'Connection failed', `${message} See the terminal for details.`);
                reject(error);
              },
            ),
        };
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}

/** Whether a callback's `state` is this login's, compared in constant time (the state is the login's only secret on this port). */
function sameState(received: string | null, expected: string): boolean {
  if (received === null) return false;
  const left = Buffer.from(received);
  const right = Buffer.from(expected);
  return left.length === right.length && timingSafeEqual(left, right);
}

function respond(response: ServerResponse, status: number, title: string, text: string): void {
  const html = `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>\n<body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></body></html>\n`;
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', connection: 'close' }).end(html);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function rejectAfter(seconds: number, stopRequested: Promise<NodeJS.Signals>): Promise<never> {
  return new Promise((_, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new CliError(
            `No browser came back to the redirect URI within ${seconds} s.`,
            'CLI_CALLBACK_TIMEOUT',
            'Open the printed URL and log in, or raise --timeout.',
          ),
        ),
      seconds * 1000,
    );
    timer.unref();
    void stopRequested.then((signal) => {
      clearTimeout(timer);
      reject(new CliError(`Stopped by ${signal} before the browser came back.`, 'CLI_INTERRUPTED'));
    });
  });
}
