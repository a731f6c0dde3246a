import { simulatorDefinition } from '@coverlink/mocks';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import type { Context, OpenAPIBackend } from 'openapi-backend';
import { AuthorizationRequests, type CreateAuthorizationRequestBody, type IndicationFile } from './authorization-requests.js';
import { Dispensing, type SentOtp } from './dispensing.js';
import {
  checkResponseAgainstSpec,
  createOsiguSpecBackend,
  declaresStatus,
  describeSchemaErrors,
  WebhookEventValidators,
} from './osigu-spec.js';
import { type CreateClaimBody, OutpatientClaims } from './outpatient-claims.js';
import { demoClient, documentPolicyLimits, type IndicationFileType, type ProductType, type SimulatorClient } from './sandbox-data.js';
import { osiguError, type SimulatedResponse } from './simulated-response.js';
import { type ProductListing, pageOf, SponsorDirectory } from './sponsor-directory.js';
import { documentedTokenRateLimit, TokenEndpoint } from './token-endpoint.js';
import {
  type DeliveryAttempt,
  documentedRedeliveryPolicy,
  type RedeliveryPolicy,
  WebhookDelivery,
  type WebhookEvent,
  type WebhookSubscription,
} from './webhook-delivery.js';

/** The signing secret deliveries are signed with unless `webhookSigningSecrets` is given. */
export const simulatorWebhookSecret = 'whsec_coverlink_simulator';

/** Options of {@link startOsiguSimulator}. */
export interface OsiguSimulatorOptions {
  /** The port; `0` picks a free one (what tests use). Default: the documented port 4014. */
  port?: number | undefined;
  /** The OAuth clients the token endpoint knows. Default: {@link demoClient} (`demo-client` / `demo-secret`). */
  clients?: readonly SimulatorClient[] | undefined;
  /** Token requests per client_id and interval. Default: 10 per 60 s, as documented. */
  tokenRateLimit?: { requests: number; intervalMilliseconds: number } | undefined;
  /** Access token lifetime (`expires_in`). Default 3600 s, as documented. */
  accessTokenLifetimeSeconds?: number | undefined;
  /** How long an asynchronous sponsor (`demo-insurer`) takes to decide after `complete`. Default 2000 ms. */
  sponsorDecisionDelayMilliseconds?: number | undefined;
  /** How long a submitted claim takes to be settled `COMPLETED`. Default 2000 ms. */
  claimProcessingDelayMilliseconds?: number | undefined;
  /** How long an OTP stays valid. Default 5 minutes. */
  otpLifetimeMilliseconds?: number | undefined;
  /** Secrets every delivery is signed with (one `v1=` each, as during a key rotation). Default {@link simulatorWebhookSecret}. */
  webhookSigningSecrets?: readonly string[] | undefined;
  /** Redelivery backoff. Default: first retry after 60 s, doubling, capped at 6 h, for 72 h (O-wh). */
  redelivery?: Partial<RedeliveryPolicy> | undefined;
  /** How long a receiver has to answer a delivery. Default 10 s, as documented. */
  webhookTimeoutMilliseconds?: number | undefined;
  /** PEM certificates to trust for HTTPS webhook receivers besides the system's, e.g. a test's self-signed one. */
  webhookTrustedCertificates?: readonly string[] | undefined;
  /** The clock for token expiry and the rate limit, in milliseconds since the epoch. Default `Date.now`. */
  now?: (() => number) | undefined;
  /** Receives one line per notable event (decisions, deliveries, OTPs sent, spec violations). Default: dropped. */
  onLog?: ((line: string) => void) | undefined;
}

/** A running OSIGU simulator. */
export interface RunningOsiguSimulator {
  /** Base URL, e.g. `http://127.0.0.1:4014`. */
  url: string;
  port: number;
  /** Every webhook event published so far, oldest first. */
  events(): WebhookEvent[];
  /** Every webhook delivery attempt so far, oldest first: what a test waits on with `vi.waitFor`. */
  deliveries(): DeliveryAttempt[];
  /** Calls `listener` after each delivery attempt; returns the function that stops it. */
  onDelivery(listener: (attempt: DeliveryAttempt) => void): () => void;
  /** The webhook subscriptions. */
  subscriptions(): WebhookSubscription[];
  /** Every OTP "sent" so far with its code: the sandbox's SMS outbox. */
  sentOtps(): SentOtp[];
  /**
   * What the simulator answered or sent off-spec (an undeclared status, a body or header the spec does not allow, a
   * webhook event that does not match its declared schema): empty when everything conformed. Each is also a 500 to
   * the caller, so an off-spec answer never passes unnoticed.
   */
  specViolations(): string[];
  /** How many token requests were refused with 429 so far. */
  rateLimitedTokenRequests(): number;
  /** The header value a delivery of `body` would carry now: for tests of a receiver's rejection paths. */
  signWebhookBody(body: string, timestamp?: number): string;
  /** Stops listening, cancels pending decisions and redeliveries, and resolves once closed. Idempotent. */
  stop(): Promise<void>;
}

/** The documented local port of the OSIGU simulator (`nx run mock-osigu:mock`). */
export const osiguSimulatorPort: number = simulatorDefinition('osigu-simulator').port;

/** What the fastify route hands each openapi-backend handler beside the context. */
interface HandlerExtras {
  upload?: IndicationFile | undefined;
  baseUrl: string;
}

type Handler = (context: Context, extras: HandlerExtras) => SimulatedResponse;

/**
 * Starts the stateful OSIGU simulator on 127.0.0.1 and resolves once it listens. Fastify carries HTTP (JSON, form and
 * multipart bodies); openapi-backend routes each request to its specs/osigu operation and validates it (422, or 400
 * on the token endpoint, when it is off-spec); every answer is checked against the operation's declared responses
 * before it leaves (see `specViolations()`).
 */
export async function startOsiguSimulator(options: OsiguSimulatorOptions = {}): Promise<RunningOsiguSimulator> {
  const onLog = options.onLog ?? (() => {});
  const violations: string[] = [];
  const recordViolation = (problem: string) => {
    violations.push(problem);
    onLog(`OFF-SPEC: ${problem}`);
  };
  const api = await createOsiguSpecBackend();
  const eventValidators = new WebhookEventValidators(api);
  const tokens = new TokenEndpoint({
    clients: options.clients ?? [demoClient],
    rateLimit: options.tokenRateLimit ?? documentedTokenRateLimit,
    accessTokenLifetimeSeconds: options.accessTokenLifetimeSeconds ?? 3600,
    now: options.now ?? Date.now,
  });
  const webhooks = new WebhookDelivery({
    signingSecrets: options.webhookSigningSecrets ?? [simulatorWebhookSecret],
    redelivery: { ...documentedRedeliveryPolicy, ...options.redelivery },
    timeoutMilliseconds: options.webhookTimeoutMilliseconds ?? 10_000,
    trustedCertificates: options.webhookTrustedCertificates ?? [],
    checkEvent: (event) => eventValidators.check(event),
    onSpecViolation: recordViolation,
    onLog,
  });
  const directory = new SponsorDirectory();
  const authorizationRequests = new AuthorizationRequests({
    directory,
    webhooks,
    sponsorDecisionDelayMilliseconds: options.sponsorDecisionDelayMilliseconds ?? 2000,
    onLog,
  });
  const dispensing = new Dispensing({
    directory,
    authorizations: authorizationRequests,
    webhooks,
    otpLifetimeMilliseconds: options.otpLifetimeMilliseconds ?? 5 * 60_000,
    onLog,
  });
  const claims = new OutpatientClaims({
    authorizations: authorizationRequests,
    claimProcessingDelayMilliseconds: options.claimProcessingDelayMilliseconds ?? 2000,
    onLog,
  });

  registerHandlers(api, { tokens, webhooks, directory, authorizationRequests, dispensing, claims }, recordViolation, onLog);
  const app = await createHttpServer(api);
  let address: string;
  try {
    address = await app.listen({ port: options.port ?? osiguSimulatorPort, host: '127.0.0.1' });
  } catch (error) {
    // A taken port must not leave the delivery agent and the server half open behind the error.
    await webhooks.stop();
    await app.close();
    throw error;
  }
  const url = address.replace('localhost', '127.0.0.1');
  let stopped: Promise<void> | undefined;
  return {
    url,
    port: Number(new URL(url).port),
    events: () => webhooks.events(),
    deliveries: () => webhooks.attempts(),
    onDelivery: (listener) => webhooks.onAttempt(listener),
    subscriptions: () => webhooks.subscriptions(),
    sentOtps: () => dispensing.sentOtps(),
    specViolations: () => [...violations],
    rateLimitedTokenRequests: () => tokens.rateLimitedCount,
    signWebhookBody: (body, timestamp) => webhooks.signature(body, timestamp),
    stop: () =>
      (stopped ??= (async () => {
        authorizationRequests.stop();
        claims.stop();
        await webhooks.stop();
        await app.close();
      })()),
  };
}

interface Parts {
  tokens: TokenEndpoint;
  webhooks: WebhookDelivery;
  directory: SponsorDirectory;
  authorizationRequests: AuthorizationRequests;
  dispensing: Dispensing;
  claims: OutpatientClaims;
}

function registerHandlers(
  api: OpenAPIBackend,
  parts: Parts,
  recordViolation: (problem: string) => void,
  onLog: (line: string) => void,
): void {
  const { tokens, webhooks, directory, authorizationRequests, dispensing, claims } = parts;
  const path = (context: Context, name: string) => String(context.request.params[name]);
  const query = (context: Context) => context.request.query as Record<string, unknown>;
  const body = <T>(context: Context) => context.request.requestBody as T;
  const paging = (context: Context) => ({ page: Number(query(context).page ?? 0), size: Number(query(context).size ?? 15) });
  const selfUrl = (context: Context, extras: HandlerExtras) => {
    const { page, size } = paging(context);
    return `${extras.baseUrl}${context.request.path}?page=${page}&size=${size}`;
  };
  const productListing = (context: Context, extras: HandlerExtras): ProductListing => ({
    productType: query(context).product_type as ProductType | undefined,
    query: query(context).query as string | undefined,
    ...paging(context),
    selfUrl: selfUrl(context, extras),
  });

  const handlers: Record<string, Handler> = {
    getAccessToken: (context) => tokens.issue(String(context.security?.clientBasic)),
    listSponsorForms: (context) => directory.forms(path(context, 'sponsor_slug')),
    searchBeneficiary: (context) => directory.search(path(context, 'sponsor_slug'), body(context)),
    getSponsorConfiguration: (context) =>
      directory.configuration(path(context, 'sponsor_slug'), query(context).product_type as ProductType),
    getAuthorizationDocumentPolicy: (context) =>
      directory.documentPolicy(path(context, 'sponsor_slug'), query(context).product_type as ProductType),
    createAuthorizationRequest: (context) => authorizationRequests.create(body<CreateAuthorizationRequestBody>(context)),
    getAuthorizationRequest: (context) => authorizationRequests.get(path(context, 'authorization_request_id')),
    uploadAuthorizationIndication: (context, extras) => {
      if (extras.upload === undefined) return osiguError(422, 'Validation error: the file part is missing');
      return authorizationRequests.attach(path(context, 'authorization_request_id'), extras.upload);
    },
    attachAuthorizationIndicationBase64: (context) => {
      const upload = body<{ content_type: string; file_type: IndicationFileType; content: string }>(context);
      const size = Buffer.from(upload.content, 'base64').length;
      return authorizationRequests.attach(path(context, 'authorization_request_id'), {
        fileType: upload.file_type,
        contentType: upload.content_type,
        size,
      });
    },
    completeAuthorizationRequest: (context) => authorizationRequests.complete(path(context, 'authorization_request_id')),
    startDispensation: (context) => dispensing.start(body(context)),
    completeDispensation: (context) => dispensing.complete(path(context, 'dispensation_id'), body(context)),
    sendOtp: (context) => dispensing.sendOtp(body(context)),
    validateOtp: (context) => dispensing.validateOtp(body(context)),
    createOutpatientCareClaim: (context) => claims.create(body<CreateClaimBody>(context)),
    getOutpatientCareClaim: (context) => claims.get(path(context, 'claim_id')),
    completeOutpatientCareClaim: (context) => claims.complete(path(context, 'claim_id')),
    registerProviderProduct: (context) => directory.register(body<{ product_code: string }>(context).product_code),
    listProviderProducts: (context, extras) => directory.registeredProducts(productListing(context, extras)),
    deleteProviderProduct: (context) => directory.unregister(path(context, 'product_code')),
    listProducts: (context, extras) => directory.catalogue(productListing(context, extras)),
    createWebhookSubscription: (context) => {
      const { url, event_types } = body<{ url: string; event_types: string[] }>(context);
      return { status: 201, body: webhooks.subscribe(url, event_types) };
    },
    listWebhookSubscriptions: (context, extras) =>
      pageOf(webhooks.subscriptions(), paging(context).page, paging(context).size, selfUrl(context, extras)),
    deleteWebhookSubscription: (context) =>
      webhooks.unsubscribe(path(context, 'subscription_id'))
        ? { status: 204 }
        : osiguError(404, 'Resource not found', { id: path(context, 'subscription_id') }),
  };
  api.register(handlers as never);

  api.register({
    // Operations without simulated state (catalogue searches, ePrescription) answer the spec's example, as Prism does.
    notImplemented: (context: Context) => {
      const { status, mock } = context.api.mockResponseForOperation(String(context.operation.operationId));
      return { status, body: mock };
    },
    notFound: (context: Context) => osiguError(404, `No operation at ${context.request.method.toUpperCase()} ${context.request.path}`),
    methodNotAllowed: (context: Context) =>
      osiguError(405, `${context.request.method.toUpperCase()} is not allowed on ${context.request.path}`),
    unauthorizedHandler: (context: Context) => {
      const failure = Object.values(context.security ?? {}).find(
        (result): result is { error: { response: SimulatedResponse } } =>
          typeof result === 'object' && result !== null && 'error' in result,
      );
      return failure?.error.response ?? osiguError(401, 'Missing bearer token');
    },
    validationFail: (context: Context) => {
      const problems = describeSchemaErrors(context.validation.errors);
      if (context.operation.operationId === 'getAccessToken') {
        const unsupported = (context.validation.errors ?? []).some((error) => error.instancePath === '/requestBody/grant_type');
        return {
          status: 400,
          body: { error: unsupported ? 'unsupported_grant_type' : 'invalid_request', error_description: problems.join('; ') },
        };
      }
      return osiguError(422, `Validation error: ${problems.join('; ')}`);
    },
    postResponseHandler: (context: Context) => {
      const response = context.response as SimulatedResponse;
      const { operation } = context;
      if (operation === undefined) return response;
      if (context.validation?.valid === false && !declaresStatus(operation, 400) && !declaresStatus(operation, 422)) {
        // The spec declares no answer to an off-spec request here (issue 15 adds 400/422 to these operations): a gap
        // of the spec, not of the simulator, so the 422 goes out and is logged instead of counted.
        onLog(`spec gap: ${operation.operationId} declares no 400 or 422 for an off-spec request; answered 422`);
        return response;
      }
      const problems = checkResponseAgainstSpec(context.api, operation, {
        status: response.status,
        body: response.body,
        headers: response.headers ?? {},
      });
      if (problems.length === 0) return response;
      for (const problem of problems) recordViolation(problem);
      return osiguError(500, `The simulator answered off-spec: ${problems.join('; ')}`);
    },
  } as never);

  api.registerSecurityHandler('clientBasic', (context: Context) => {
    const authentication = tokens.authenticate(headerOf(context, 'authorization'));
    // A thrown value is kept by openapi-backend as `{ error }` and handed to the unauthorizedHandler.
    if (!authentication.ok) throw authentication;
    return authentication.clientId;
  });
  api.registerSecurityHandler('osiguOAuth', (context: Context) => {
    const authorization = tokens.authorizeBearer(headerOf(context, 'authorization'));
    if (!authorization.ok) throw authorization;
    return authorization.clientId;
  });
}

function headerOf(context: Context, name: string): string | undefined {
  const value = context.request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

async function createHttpServer(api: OpenAPIBackend): Promise<FastifyInstance> {
  // The base64 upload of the largest accepted file is a third larger than the file, plus the JSON around it.
  const app = Fastify({ bodyLimit: Math.ceil(documentPolicyLimits.maxFileSizeBytes * 1.4) + 64 * 1024 });
  await app.register(formbody);
  // One byte over the policy's maximum is enough to tell "too large" apart; a larger file is cut there.
  await app.register(multipart, { limits: { fileSize: documentPolicyLimits.maxFileSizeBytes + 1, files: 1 }, throwFileSizeLimit: false });
  // JSON is parsed by the route, so a malformed body becomes the spec's 422 instead of fastify's own 400.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, text, done) => done(null, text));

  app.route({
    method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    url: '/*',
    handler: async (request, reply) => {
      const baseUrl = `${request.protocol}://${request.host}`;
      const { body, upload, malformed } = await readBody(request);
      const response: SimulatedResponse =
        malformed === undefined
          ? await api.handleRequest(
              {
                method: request.method,
                path: request.url.split('?')[0] ?? '/',
                query: request.query as Record<string, string>,
                headers: request.headers as Record<string, string>,
                body,
              },
              { upload, baseUrl } satisfies HandlerExtras,
            )
          : osiguError(422, `Validation error: ${malformed}`);
      reply.code(response.status).headers(response.headers ?? {});
      if (response.body === undefined) return reply.send();
      return reply.type('application/json').send(JSON.stringify(response.body));
    },
  });
  return app;
}

/** The body as openapi-backend validates it, and the uploaded file of a multipart request. */
async function readBody(request: FastifyRequest): Promise<{ body: unknown; upload?: IndicationFile; malformed?: string }> {
  if (request.isMultipart()) {
    const fields: Record<string, unknown> = {};
    let file: { contentType: string; size: number } | undefined;
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        file = { contentType: part.mimetype, size: part.file.truncated ? documentPolicyLimits.maxFileSizeBytes + 1 : bytes.length };
        // The schema types the part as a binary string; its bytes are checked against the document policy instead.
        fields[part.fieldname] = '<binary>';
      } else {
        fields[part.fieldname] = part.value;
      }
    }
    const fileType = fields.file_type as IndicationFileType | undefined;
    return { body: fields, upload: file === undefined || fileType === undefined ? undefined : { ...file, fileType } };
  }
  if (typeof request.body !== 'string') return { body: request.body };
  if (request.body === '') return { body: undefined };
  try {
    return { body: JSON.parse(request.body) };
  } catch {
    return { body: undefined, malformed: 'the body is not valid JSON' };
  }
}
