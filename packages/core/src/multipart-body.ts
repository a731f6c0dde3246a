/**
 * The body of a `multipart/form-data` request, for openapi-fetch's `bodySerializer` on a multipart
 * operation: each field becomes a form part, a `Blob` (or `File`) a file part, anything else its
 * text; `undefined` fields are left out. The transport streams the parts, so a large file is not
 * copied into one buffer.
 *
 * @example
 * ```ts
 * await client.POST('/uploads', { body: { file, kind: 'invoice' }, bodySerializer: multipartBody });
 * ```
 */
export function multipartBody(body: Record<string, unknown>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(body)) {
    if (value instanceof Blob) form.append(name, value);
    else if (value !== undefined) form.append(name, String(value));
  }
  return form;
}
