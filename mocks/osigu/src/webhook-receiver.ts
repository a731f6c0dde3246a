import type { IncomingHttpHeaders } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { selfSignedCertificate } from '@coverlink/mocks';

/** One delivery as the receiver got it: the raw bytes a signature is over, and the headers. */
export interface RecordedDelivery {
  rawBody: string;
  headers: IncomingHttpHeaders;
  /** The status the receiver answered, or `no-answer` when it left the request hanging. */
  answered: number | 'no-answer';
}

/** A running HTTPS webhook receiver on 127.0.0.1. */
export interface RunningWebhookReceiver {
  /** `https://127.0.0.1:<port>/osigu`, to subscribe with. */
  url: string;
  /** The receiver's self-signed certificate: give it to the simulator as `webhookTrustedCertificates`. */
  certificate: string;
  /** Every delivery received, oldest first. */
  deliveries: RecordedDelivery[];
  /** Stops listening and drops hanging requests. */
  stop(): Promise<void>;
}

/**
 * Starts an HTTPS receiver for the simulator's webhooks (OSIGU delivers to HTTPS only) with a throwaway self-signed
 * certificate for 127.0.0.1. `answer` picks the reply to the n-th delivery (0-based): a status, or `no-answer` to hold
 * the request until the simulator's timeout, as a receiver that is down or too slow would. Default: 204.
 */
export async function startWebhookReceiver(
  answer: (delivery: { rawBody: string; headers: IncomingHttpHeaders }, index: number) => number | 'no-answer' = () => 204,
): Promise<RunningWebhookReceiver> {
  const { key, cert } = selfSignedCertificate();
  const deliveries: RecordedDelivery[] = [];
  const server = createServer({ key, cert }, (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const received = { rawBody: Buffer.concat(chunks).toString('utf8'), headers: request.headers };
      const reply = answer(received, deliveries.length);
      deliveries.push({ ...received, answered: reply });
      if (reply === 'no-answer') return;
      response.writeHead(reply).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}/osigu`,
    certificate: cert,
    deliveries,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
