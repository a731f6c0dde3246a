import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A PEM key and certificate pair. */
export interface SelfSignedCertificate {
  key: string;
  cert: string;
}

/**
 * A throwaway self-signed certificate for 127.0.0.1 (P-256, valid one day), made with the openssl CLI for this run
 * only: for a loopback HTTPS server in a test, whose client trusts exactly this certificate (`ca: cert`).
 */
export function selfSignedCertificate(): SelfSignedCertificate {
  const directory = mkdtempSync(join(tmpdir(), 'coverlink-tls-'));
  const keyFile = join(directory, 'key.pem');
  const certFile = join(directory, 'cert.pem');
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        keyFile,
        '-out',
        certFile,
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8') };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
