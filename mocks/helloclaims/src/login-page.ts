const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for HTML element content and quoted attribute values. Every value interpolated into a page goes through it:
 * client names, scopes, usernames and error text all come from configuration or from the request.
 */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => htmlEscapes[character] ?? character);
}

/** What the login page shows. */
export interface LoginPageContent {
  /** Identifies the pending authorization request; posted back in a hidden field. */
  requestId: string;
  clientName: string;
  scopes: readonly string[];
  /** Where the browser goes afterwards (origin only), so the person can see who receives the answer. */
  redirectOrigin: string;
  /** The username typed before, kept after a failed attempt. */
  username?: string | undefined;
  /** Shown above the form after a failed attempt. */
  error?: string | undefined;
  /** Demo credentials shown under the form; only when the server runs with its default user. */
  demoCredentials?: { username: string; password: string } | undefined;
}

const styles = `
  body { font-family: system-ui, sans-serif; background: #f3f5f8; color: #1d2433; margin: 0; }
  main { max-width: 26rem; margin: 3rem auto; background: #fff; padding: 2rem; border-radius: 8px; box-shadow: 0 1px 4px #0002; }
  h1 { font-size: 1.3rem; margin-top: 0; }
  label { display: block; margin-top: 1rem; font-weight: 600; }
  input { width: 100%; box-sizing: border-box; padding: 0.5rem; margin-top: 0.25rem; font-size: 1rem; }
  .actions { display: flex; gap: 0.75rem; margin-top: 1.5rem; }
  button { flex: 1; padding: 0.6rem; font-size: 1rem; border-radius: 4px; border: 1px solid #2456c7; cursor: pointer; }
  button[value=allow] { background: #2456c7; color: #fff; }
  button[value=deny] { background: #fff; color: #2456c7; }
  .error { background: #fdecea; color: #8a1c13; padding: 0.6rem; border-radius: 4px; }
  .note { color: #5b6478; font-size: 0.9rem; }
  code { background: #eef1f6; padding: 0 0.2rem; }
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Hello Claims (local mock)</title>
<style>${styles}</style>
</head>
<body>
<main>
${body}
<p class="note">This is a local mock of the Hello Claims login, for development and tests.</p>
</main>
</body>
</html>
`;
}

/**
 * The login and consent page of `GET /login/broker`: username, password, and an "Allow" or "Deny" answer, posted back to
 * `/login/broker`. "Deny" skips the browser's required-field check, since declining needs no login.
 */
export function renderLoginPage(content: LoginPageContent): string {
  const scopes =
    content.scopes.length === 0 ? '' : `<ul>${content.scopes.map((scope) => `<li><code>${escapeHtml(scope)}</code></li>`).join('')}</ul>`;
  const error = content.error === undefined ? '' : `<p class="error" role="alert">${escapeHtml(content.error)}</p>`;
  const demo =
    content.demoCredentials === undefined
      ? ''
      : `<p class="note">Demo login: <code>${escapeHtml(content.demoCredentials.username)}</code> / <code>${escapeHtml(content.demoCredentials.password)}</code></p>`;
  return page(
    'Sign in',
    `<h1>Sign in to Hello Claims</h1>
<p><strong>${escapeHtml(content.clientName)}</strong> wants to access your Hello Claims account${content.scopes.length === 0 ? '.' : ' with these permissions:'}</p>
${scopes}
${error}
<form method="post" action="/login/broker">
<input type="hidden" name="request_id" value="${escapeHtml(content.requestId)}">
<label for="username">Username</label>
<input id="username" name="username" autocomplete="username" required value="${escapeHtml(content.username ?? '')}">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<div class="actions">
<button type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="deny" formnovalidate>Deny</button>
</div>
</form>
<p class="note">You will then be sent back to ${escapeHtml(content.redirectOrigin)}.</p>
${demo}`,
  );
}

/**
 * The page shown instead of a redirect when the request cannot be trusted to redirect (unknown client, unregistered
 * redirect URI: RFC 6749 §4.1.2.1) or when a login form no longer matches a pending request.
 */
export function renderErrorPage(title: string, message: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1>\n<p class="error" role="alert">${escapeHtml(message)}</p>`);
}
