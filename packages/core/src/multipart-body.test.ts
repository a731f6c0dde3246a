import { useFaultServer } from '@coverlink/test-kit';
import { expect, it } from 'vitest';
import { multipartBody } from './multipart-body.js';

const server = useFaultServer();

it('sends each field as a part, a File as a file part with its name and type, and leaves undefined fields out', async () => {
  server.script({ status: 204 });
  const file = new File([new Uint8Array([0, 1, 2, 253, 254, 255])], 'indication.pdf', { type: 'application/pdf' });

  await fetch(`${server.url}/uploads`, {
    method: 'POST',
    body: multipartBody({ file_type: 'PRESCRIPTION', pages: 2, file, note: undefined }),
  });

  const [request] = server.requests;
  const boundary = /^multipart\/form-data; boundary=(.+)$/.exec(request?.headers['content-type'] ?? '')?.[1];
  expect(boundary).toBeDefined();
  const wire = request?.body.toString('latin1') ?? '';
  expect(wire).toContain('Content-Disposition: form-data; name="file_type"\r\n\r\nPRESCRIPTION\r\n');
  expect(wire).toContain('Content-Disposition: form-data; name="pages"\r\n\r\n2\r\n');
  expect(wire).toContain('Content-Disposition: form-data; name="file"; filename="indication.pdf"\r\nContent-Type: application/pdf\r\n\r\n');
  expect(request?.body.includes(Buffer.from([0, 1, 2, 253, 254, 255]))).toBe(true);
  expect(wire).not.toContain('name="note"');
  expect(wire.split(`--${boundary}`).length - 2).toBe(3);
});
