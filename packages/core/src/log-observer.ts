// The attempt log as one CallObserver: the entries are the ones the pipeline always wrote (path
// template, status or failure, duration, the wait before the next attempt), and nothing more.
import type { CallObserver } from './call-observer.js';
import type { AttemptLog, Logger } from './logger.js';

/**
 * A {@link CallObserver} that writes one {@link AttemptLog} entry per attempt to `logger`: `info`,
 * or `warn` when another attempt follows after a wait. Token-endpoint requests are logged the same
 * way, under the token endpoint's path.
 */
export function createLogObserver(logger: Logger): CallObserver {
  return {
    start(call) {
      const label = `${call.provider} ${call.method} ${call.pathTemplate}`;
      return {
        attempt(attempt) {
          return {
            end(outcome) {
              const entry: AttemptLog = {
                provider: call.provider,
                method: call.method,
                path: call.pathTemplate,
                attempt,
                ...(outcome.failure === undefined ? { status: outcome.status } : { failure: outcome.failure }),
                durationMs: outcome.durationMs,
                ...(outcome.retryInMs === undefined ? {} : { retryInMs: outcome.retryInMs }),
              };
              const level = outcome.retryInMs === undefined || outcome.retryInMs === 0 ? 'info' : 'warn';
              logger[level]?.({ ...entry }, label);
            },
          };
        },
        end() {},
      };
    },
  };
}
