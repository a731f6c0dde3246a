// Facts about a request that travel beside it rather than in its headers: the path template
// (for logs) and, per response, the operation and the provider profile (for errors).
import type { ProviderProfile } from './provider-profile.js';

const templates = new WeakMap<Request, string>();
const responseContexts = new WeakMap<Response, ResponseContext>();

/** What {@link unwrap} needs to turn a response into the right error. */
export interface ResponseContext {
  /** Method and path template, e.g. `POST /v1/sponsors/{sponsor_slug}/search`. */
  operation: string;
  /** The provider the response came from. */
  profile: ProviderProfile;
}

export function rememberPathTemplate(request: Request, template: string): void {
  templates.set(request, template);
}

export function pathTemplateOf(request: Request): string | undefined {
  return templates.get(request);
}

export function rememberResponseContext(response: Response, context: ResponseContext): void {
  responseContexts.set(response, context);
}

export function responseContextOf(response: Response): ResponseContext | undefined {
  return responseContexts.get(response);
}
