/**
 * Generated from specs/oneassure/openapi.yaml by @coverlink/codegen. Do not edit by hand: mark properties with
 * `x-coverlink-sensitive: true` in the spec and run `pnpm nx run @coverlink/oneassure:codegen`.
 */
import type { BodyShape } from '@coverlink/core';

/** The property names specs/oneassure/openapi.yaml marks `x-coverlink-sensitive: true`, in requests and responses alike. */
export const sensitiveFields: readonly string[] = [
  "access_token",
  "address",
  "address_line_1",
  "address_line_2",
  "address_line_3",
  "annual_income",
  "bank_account_number",
  "cancelled_reason",
  "client_secret",
  "customer_email",
  "customer_gender",
  "customer_name",
  "customer_phone",
  "date_of_birth",
  "detail",
  "dob",
  "document_number",
  "education",
  "email",
  "employer",
  "error_message",
  "first_name",
  "form_responses",
  "gender",
  "ifsc_code",
  "insurer_policy_number",
  "last_name",
  "marital_status",
  "member_id",
  "middle_name",
  "mobile",
  "name",
  "nominee_name",
  "nominee_phone",
  "occupation",
  "organization",
  "phone",
  "pincode",
  "pre_existing_diseases",
  "rejection_reason",
  "title",
  "user_id",
];

/**
 * What the error bodies (4xx, 5xx and default responses) of specs/oneassure/openapi.yaml declare, merged over
 * every operation: an error keeps only these keys, with sensitive ones redacted.
 */
export const errorShape: BodyShape = {
  properties: {
    "type": { scalar: true },
    "title": { sensitive: true },
    "detail": { sensitive: true },
    "instance": { scalar: true },
  },
};
