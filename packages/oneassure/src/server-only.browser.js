// The "browser" export of @coverlink/oneassure. The package mints OneAssure tokens with your client
// secret, so it must never be bundled for a browser: this import of a module that cannot exist makes
// the bundler stop, and its name is the explanation it prints.
import '@coverlink/oneassure is server-only: it holds your OneAssure client secret. Mint the session token on your server and send the browser only the redirect URL (see createRedirectUrl).';
