import { fileURLToPath } from 'node:url';
import { runTypeScript } from '@coverlink/test-kit';
import { expect, it } from 'vitest';

// Runs the quick-start demo exactly as `npm run demo` does (a separate Node process that starts its
// own mocks), and checks what a new user sees.
function runDemo(environment: Record<string, string> = {}) {
  return runTypeScript(fileURLToPath(new URL('./main.ts', import.meta.url)), {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    environment,
  });
}

it('walks the three journeys against the local mocks, printing every step', async () => {
  const { code, output } = await runDemo();
  // OSIGU
  expect(output).toContain('→ POST /v1/oauth/token 200');
  expect(output).toContain('✓ beneficiary found: bnf_01HW8GQ2KMNP3F4R5T6Y7U8I9O');
  expect(output).toContain('✓ authorization request areq_01HX9KP7VQ2D4FZ8N0YPRQAW6X created, status PENDING_INDICATION');
  expect(output).toContain('✓ indication attached (multipart)');
  expect(output).toContain('✓ authorization code AUTH-2026-001234 (MEDICATION, APPROVED)');
  expect(output.indexOf('token obtained')).toBeLessThan(output.indexOf('authorization code'));
  // OneAssure
  expect(output).toMatch(
    /fresh session token minted for user platform-user-1001; redirect the browser to https:\/\/orca\.oneassure\.in\/health\?session-token=…\S{4}\n/,
  );
  expect(output).toContain('✓ 3 quotes across every page of 2026-06-01..07');
  // Hello Claims
  expect(output).toContain('user logged in on the mock login page and came back with a code');
  expect(output).toMatch(/code exchanged; grant stored \(refresh token …(\S{4})\)/);
  expect(output).toMatch(/2 pending quote request\(s\)/);
  const rotation = /refresh token rotated …(\S{4}) → …(\S{4}), stored before use/.exec(output);
  expect(rotation?.[1]).toBe(/grant stored \(refresh token …(\S{4})\)/.exec(output)?.[1]);
  expect(rotation?.[2]).not.toBe(rotation?.[1]);
  expect(output.trimEnd().endsWith('Done.')).toBe(true);
  expect(code).toBe(0);
});

it('exits non-zero with the typed error and its hint when a step fails', async () => {
  // Nothing listens on port 9 of loopback: the token request cannot connect.
  const { code, output } = await runDemo({ OSIGU_BASE_URL: 'http://127.0.0.1:9' });
  expect(code).toBe(1);
  expect(output).toContain('✗ Could not reach the token endpoint at http://127.0.0.1:9');
  expect(output).toContain('hint:');
});
