export { createDefaultTransport, type DefaultTransportSettings, defaultTransport, defaultTransportKind } from '#default-transport';
export { type ApiClientOptions, type ClientSettings, createApiClient, userAgent } from './api-client.js';
export { type AttemptSignal, createAttemptSignal } from './attempt-signal.js';
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
export { cursorPagination, nextLinkPagination, type PaginationStyle, pageNumberPagination, paginate } from './pagination.js';
export { createPathParameterMiddleware } from './path-parameters.js';
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
export type { TokenProvider } from './token-provider.js';
export { type CallRecord, type FetchResult, type TextBodySummary, unwrap } from './unwrap.js';
export { corePackageName, corePackageVersion } from './version.js';
