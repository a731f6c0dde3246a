/**
 * Generated from specs/osigu/openapi.yaml by @coverlink/codegen. Do not edit by hand: mark properties with
 * `x-coverlink-sensitive: true` in the spec and run `pnpm nx run @coverlink/osigu:codegen`.
 */
import type { BodyShape } from '@coverlink/core';

/** The property names specs/osigu/openapi.yaml marks `x-coverlink-sensitive: true`, in requests and responses alike. */
export const sensitiveFields: readonly string[] = [
  "access_token",
  "additional_data",
  "authorization_code",
  "birthdate",
  "cancellation_reason",
  "code",
  "content",
  "diagnosis_code",
  "document_digital_signature",
  "document_number",
  "email",
  "error_description",
  "failure_reason",
  "file",
  "file_name",
  "first_name",
  "last_name",
  "member_id",
  "message",
  "otp_verification_token",
  "phone",
  "posology",
  "prescription_code",
  "professional_license_number",
  "rejection_reason",
  "url",
  "void_reason",
];

/**
 * What the error bodies (4xx, 5xx and default responses) of specs/osigu/openapi.yaml declare, merged over
 * every operation: an error keeps only these keys, with sensitive ones redacted.
 */
export const errorShape: BodyShape = {
  properties: {
    "error": { scalar: true },
    "error_description": { sensitive: true },
    "error_code": { scalar: true },
    "message": { sensitive: true },
    "additional_information": {
      properties: {
        "retry_after_seconds": { scalar: true },
        "missing_fields": {
          items: { scalar: true },
        },
        "sponsor_slug": { scalar: true },
        "product_code": { scalar: true },
        "max_file_size_bytes": { scalar: true },
        "id": { scalar: true },
        "otp_id": { scalar: true },
        "remaining_attempts": { scalar: true },
      },
    },
  },
};
