import { AuthError, AuthErrorCode } from '@coverlink/auth';
import { ApiError, CoverlinkError } from '@coverlink/core';
import type { FastifyError, FastifyInstance } from 'fastify';
import { html, page } from './html.js';

/** Something wrong with what the user sent (a missing field, no file): shown with status 400. */
export class PortalInputError extends Error {
  readonly hint: string | undefined;

  constructor(message: string, hint?: string) {
    super(message);
    this.name = 'PortalInputError';
    this.hint = hint;
  }
}

/** Auth failures caused by the browser's side of the flow (a forged callback, a refusal, a stale code): the user's request was bad. */
const userSideAuthCodes: ReadonlySet<string> = new Set([
  AuthErrorCode.stateMismatch,
  AuthErrorCode.authorizationDenied,
  AuthErrorCode.authorizationCodeRejected,
  AuthErrorCode.invalidResponse,
  AuthErrorCode.reauthorizationRequired,
]);

function titleFor(error: CoverlinkError): string {
  if (error.code === AuthErrorCode.stateMismatch) return 'Connection failed: possible forged callback (CSRF)';
  if (error.code === AuthErrorCode.authorizationDenied) return 'Access denied';
  if (AuthError.isInstance(error)) return 'Connection failed';
  return 'The provider call failed';
}

/**
 * Renders every failure as a readable page: Coverlink's typed errors with their message and hint
 * (which never hold secrets, tokens or personal data), anything else as a generic 500.
 */
export function installErrorPages(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    let status: number;
    let title: string;
    let message: string;
    let hint: string | undefined;
    if (error instanceof PortalInputError) {
      [status, title, message, hint] = [400, 'Please check the form', error.message, error.hint];
    } else if (CoverlinkError.isInstance(error)) {
      const userSide = AuthError.isInstance(error) && userSideAuthCodes.has(error.code);
      const upstreamClientError = ApiError.isInstance(error) && error.status >= 400 && error.status < 500 && error.status !== 401;
      status = userSide || upstreamClientError ? 400 : 502;
      [title, message, hint] = [titleFor(error), error.message, error.hint];
    } else if ('statusCode' in error && typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      [status, title, message, hint] = [error.statusCode, 'Bad request', error.message, undefined];
    } else {
      request.log.error({ err: error }, 'unhandled error');
      [status, title, message, hint] = [500, 'Something went wrong', 'The portal failed to handle this request.', undefined];
    }
    return reply
      .status(status)
      .type('text/html; charset=utf-8')
      .send(
        page(
          title,
          html`<div class="error" role="alert"><p class="message">${message}</p>${hint === undefined ? undefined : html`<p class="hint">Hint: ${hint}</p>`}</div>
<p><a href="/">Back to the portal</a></p>`,
        ),
      );
  });
  app.setNotFoundHandler((_request, reply) =>
    reply.status(404).type('text/html; charset=utf-8').send(page('Not found', html`<p>No such page. <a href="/">Home</a></p>`)),
  );
}
