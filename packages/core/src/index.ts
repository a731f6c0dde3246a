// Re-declared with explicit types rather than re-exported, so the published .d.ts never names the
// `#default-transport` import: TypeScript's node10 resolution (NestJS's default) cannot follow it.
import * as runtimeTransport from '#default-transport';
import type { DefaultTransportSettings } from './default-transport.js';

export type { DefaultTransportSettings } from './default-transport.js';
/** Which transport this runtime got by default: `undici` on Node, `fetch` (global fetch) elsewhere. */
export const defaultTransportKind: 'fetch' | 'undici' = runtimeTransport.defaultTransportKind;
/** A transport for this runtime with these settings: redirects not followed, bodies bounded. */
export const createDefaultTransport: (settings?: DefaultTransportSettings) => typeof fetch = runtimeTransport.createDefaultTransport;
/** The default transport with the default settings, shared by every client of this runtime. */
export const defaultTransport: typeof fetch = runtimeTransport.defaultTransport;
export { type ApiClientOptions, type ClientSettings, createApiClient, userAgent } from './api-client.js';
export { type AbortSource, type AttemptSignal, createAttemptSignal } from './attempt-signal.js';
export type { CallContext, RepeatRule } from './call-context.js';
export type { AttemptEnd, AttemptObservation, CallEnd, CallObservation, CallObserver, CallStart } from './call-observer.js';
export {
  type CoverlinkClient,
  type CoverlinkClientMethod,
  checkMaxRetries,
  checkRequestOverrides,
  checkTimeout,
  type RequestOverrides,
  type SettingSource,
} from './client-options.js';
export { serverClockOffsetMs } from './clock-skew.js';
export {
  AbortError,
  ApiError,
  type ApiErrorDetails,
  AuthenticationError,
  abortedByCaller,
  BadRequestError,
  ConfigurationError,
  ConflictError,
  ConnectionError,
  CoverlinkError,
  InvalidAccessTokenError,
  InvalidPathParameterError,
  type InvalidPathParameterReason,
  InvalidResponseError,
  NotFoundError,
  PermissionDeniedError,
  providerApiError,
  RateLimitError,
  RedirectError,
  ResponseTooLargeError,
  ServerError,
  safeCode,
  TimeoutError,
  TransportError,
  UnexpectedError,
  UnprocessableEntityError,
} from './core-errors.js';
export { createFetchTransport, type FetchTransportSettings } from './fetch-transport.js';
export { createLogObserver } from './log-observer.js';
export type { AttemptLog, Logger } from './logger.js';
export { multipartBody } from './multipart-body.js';
export { cursorPagination, nextLinkPagination, type PaginationStyle, pageNumberPagination, paginate } from './pagination.js';
export { checkPathParameters, createPathParameterMiddleware } from './path-parameters.js';
export type { ProviderProfile } from './provider-profile.js';
export {
  type BodyShape,
  createRedactor,
  type RedactionRules,
  type Redactor,
  redactByShape,
  redacted,
  redactorFor,
  safeHeaders,
  secretKeys,
} from './redaction.js';
export {
  abortableSleep,
  type CallOptions,
  type CallPipeline,
  createCallPipeline,
  createResilientFetch,
  defaultTimeoutMs,
  type ResilientFetchSettings,
  transportFor,
} from './resilient-fetch.js';
export { checkMaxResponseBytes, defaultMaxResponseBytes } from './response-body.js';
export {
  defaultRetryPolicy,
  isRetryableStatus,
  isSafeToRepeat,
  parseRetryAfterMs,
  type RetryPolicy,
  retryDelayMs,
} from './retry-policy.js';
export { isLoopbackHost, parseSecureUrl } from './secure-url.js';
// OpenTelemetry: an observer of calls, on the optional peer dependency @opentelemetry/api.
export {
  createOpenTelemetryObserver,
  type OpenTelemetryApi,
  type OpenTelemetryMeterProvider,
  type OpenTelemetryObserver,
  type OpenTelemetryObserverOptions,
  type OpenTelemetryTracerProvider,
  tokenFetchedEventName,
} from './telemetry.js';
export type { TokenProvider } from './token-provider.js';
export { type CallRecord, type FetchResult, type TextBodySummary, unwrap } from './unwrap.js';
export { corePackageName, corePackageVersion } from './version.js';
export type { KnownWebhookEvent } from './webhook-events.js';
