import { type ClientAuth, ClientSecretBasic, ClientSecretPost } from 'oauth4webapi';

/**
 * How the client proves its identity to the token endpoint.
 *
 * - `client_secret_basic`: HTTP Basic with the id and secret form-urlencoded first (RFC 6749 §2.3.1).
 * - `client_secret_basic_unencoded`: HTTP Basic over the raw `id:secret`, which is what `curl -u`
 *   sends and what providers that document `base64(client_id + ":" + client_secret)` expect. It
 *   differs from the RFC form only when the id or secret holds characters such as `+ / = %`.
 * - `client_secret_post`: id and secret in the form body.
 */
export type ClientAuthenticationMethod = (typeof clientAuthenticationMethods)[number];

/** Every {@link ClientAuthenticationMethod}, to check a setting that came from outside TypeScript (a config file, an environment variable). */
export const clientAuthenticationMethods = ['client_secret_basic', 'client_secret_basic_unencoded', 'client_secret_post'] as const;

/** The oauth4webapi client authentication for `method`. */
export function clientAuthentication(method: ClientAuthenticationMethod, clientSecret: string): ClientAuth {
  switch (method) {
    case 'client_secret_basic':
      return ClientSecretBasic(clientSecret);
    case 'client_secret_post':
      return ClientSecretPost(clientSecret);
    case 'client_secret_basic_unencoded':
      return (_authorizationServer, client, _body, headers) => {
        headers.set('authorization', `Basic ${base64Utf8(`${client.client_id}:${clientSecret}`)}`);
      };
  }
}

function base64Utf8(text: string): string {
  // btoa only takes Latin-1, so go through the UTF-8 bytes; works in browsers and edge runtimes too.
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
