import { simulatorDefinition } from '@coverlink/mocks';
import type { ErrorObject } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { type Document, OpenAPIBackend, type Operation } from 'openapi-backend';

/** The spec the simulator routes and validates with: specs/osigu, as the launcher's registry names it. */
export const osiguSpecPath: string = simulatorDefinition('osigu-simulator').specPath;

/**
 * An Ajv for JSON Schema 2020-12, the dialect of OpenAPI 3.1: openapi-backend's default Ajv speaks draft-07, which
 * silently ignores 2020-12 keywords such as `unevaluatedProperties`, so a closed `allOf` would let anything through.
 */
// ajv-formats is CommonJS whose module.exports is the plugin itself; NodeNext types its default import as the module.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

function createAjv2020(options: object): Ajv2020 {
  const ajv = new Ajv2020({ ...options, strict: false, allErrors: true });
  addFormats(ajv);
  // OpenAPI's own formats: `binary` is a file part, checked by the simulator, not by the schema.
  ajv.addFormat('binary', true);
  ajv.addFormat('byte', /^[A-Za-z0-9+/]*={0,2}$/);
  return ajv;
}

/**
 * A fresh openapi-backend instance over specs/osigu, initialised: its router matches a request to an operation, its
 * validator checks requests, responses and response headers against the spec. `quick` skips openapi-backend's check
 * of the document itself, whose meta-schema is OpenAPI 3.0's and rejects every 3.1 document (`webhooks`, `const`,
 * `examples`); `redocly lint` checks the spec instead (`nx run @coverlink/osigu:lint-spec`).
 */
export async function createOsiguSpecBackend(): Promise<OpenAPIBackend> {
  const api = new OpenAPIBackend({
    definition: osiguSpecPath,
    strict: true,
    quick: true,
    coerceTypes: true,
    customizeAjv: (_draft07, options) => createAjv2020(options) as never,
  });
  await api.init();
  return api;
}

/** Formats Ajv errors as one line each, e.g. `/authorizations/0 must have required property 'rejection_reason'`. */
export function describeSchemaErrors(errors: readonly ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? error.keyword}`);
}

/** Whether the operation declares `status` (exactly, as a range such as `2XX`, or as `default`). */
export function declaresStatus(operation: Operation, status: number): boolean {
  const responses = operation.responses ?? {};
  return String(status) in responses || `${String(status)[0]}XX` in responses || 'default' in responses;
}

/**
 * What is off-spec about one answer of `operation`: an undeclared status, a body or headers that do not match the
 * declared response. An empty list means the answer conforms.
 */
export function checkResponseAgainstSpec(
  api: OpenAPIBackend,
  operation: Operation,
  answer: { status: number; body: unknown; headers: Record<string, string | string[] | undefined> },
): string[] {
  const where = `${operation.operationId} ${answer.status}`;
  if (!declaresStatus(operation, answer.status)) return [`${where}: the spec declares no ${answer.status} answer`];
  const problems: string[] = [];
  const declared = (operation.responses?.[String(answer.status)] ?? {}) as { content?: Record<string, unknown> };
  if (declared.content === undefined) {
    if (answer.body !== undefined && answer.body !== '') problems.push(`${where}: the spec declares no body, one was sent`);
  } else {
    const result = api.validator.validateResponse(answer.body, operation, answer.status);
    problems.push(...describeSchemaErrors(result.errors).map((line) => `${where} body: ${line}`));
  }
  const headers = Object.fromEntries(Object.entries(answer.headers).map(([name, value]) => [name.toLowerCase(), value]));
  const headerResult = api.validator.validateResponseHeaders(headers, operation, {
    statusCode: answer.status,
    setMatchType: 'superset' as never,
  });
  problems.push(...describeSchemaErrors(headerResult.errors).map((line) => `${where} headers: ${line}`));
  return problems;
}

/** Validators of the webhook events the spec declares (`webhooks:`), by event type, compiled once per backend. */
export class WebhookEventValidators {
  readonly #validators = new Map<string, ReturnType<Ajv2020['compile']>>();

  constructor(api: OpenAPIBackend) {
    const ajv = createAjv2020({});
    // The whole document as one schema resource, so the events' `#/components/…` references resolve inside it.
    ajv.addSchema(api.definition as object, 'osigu');
    const webhooks = (api.definition as Document & { webhooks?: Record<string, unknown> }).webhooks ?? {};
    for (const eventType of Object.keys(webhooks)) {
      const pointer = `/webhooks/${eventType.replaceAll('~', '~0').replaceAll('/', '~1')}/post/requestBody/content/application~1json/schema`;
      this.#validators.set(eventType, ajv.compile({ $ref: `osigu#${pointer}` }));
    }
  }

  /** What is off-spec about a webhook event body; empty when it matches the declared event of its `event_type`. */
  check<Event extends { event_type: string }>(event: Event): string[] {
    const validate = this.#validators.get(event.event_type);
    if (validate === undefined) return [`the spec declares no webhook ${event.event_type}`];
    validate(event);
    return describeSchemaErrors(validate.errors).map((line) => `webhook ${event.event_type}: ${line}`);
  }
}
