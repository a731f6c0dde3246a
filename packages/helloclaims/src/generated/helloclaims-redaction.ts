/**
 * Generated from specs/helloclaims/openapi.yaml by @coverlink/codegen. Do not edit by hand: mark properties with
 * `x-coverlink-sensitive: true` in the spec and run `pnpm nx run @coverlink/helloclaims:codegen`.
 */
import type { BodyShape } from '@coverlink/core';

/** The property names specs/helloclaims/openapi.yaml marks `x-coverlink-sensitive: true`, in requests and responses alike. */
export const sensitiveFields: readonly string[] = [
  "access_token",
  "accident",
  "claimNumber",
  "client_secret",
  "code",
  "code_verifier",
  "detail",
  "documentUrl",
  "error_description",
  "instructions",
  "metadata",
  "refresh_token",
  "vehicle",
];

/**
 * What the error bodies (4xx, 5xx and default responses) of specs/helloclaims/openapi.yaml declare, merged over
 * every operation: an error keeps only these keys, with sensitive ones redacted.
 */
export const errorShape: BodyShape = {
  properties: {
    "error": { scalar: true },
    "error_description": { sensitive: true },
    "type": { scalar: true },
    "title": { scalar: true },
    "status": { scalar: true },
    "detail": { sensitive: true },
    "instance": { scalar: true },
    "traceId": { scalar: true },
    "errors": {
      properties: {},
      map: true,
      mapKeys: [".expires", ".issued", ".refresh", "MechanicalLabour", "RefinishLabour", "RemoveReplaceLabour", "RepairLabour", "access_token", "accident", "bookingDate", "claimNumber", "client_id", "client_secret", "code", "code_verifier", "description", "detail", "documentUrl", "error", "error_description", "errors", "expires_in", "expiry", "grant_type", "id", "instance", "instructions", "isOnReport", "items", "markup", "metadata", "order", "partNumber", "price", "quantity", "rates", "redirect_uri", "referenceId", "refresh_token", "scope", "status", "title", "token_type", "total", "traceId", "type", "vehicle", "version"],
    },
  },
};
