/** What a simulator handler answers: a status, a JSON body (none for 204) and extra headers. */
export interface SimulatedResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * An answer with OSIGU's error envelope `{error_code, message, additional_information}`; `error_code` follows the
 * `071-<status>` form of the spec's examples unless a documented code (such as `071-104`) applies.
 */
export function osiguError(
  status: number,
  message: string,
  additionalInformation: Record<string, unknown> = {},
  errorCode = `071-${status}`,
): SimulatedResponse {
  return { status, body: { error_code: errorCode, message, additional_information: additionalInformation } };
}
