import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { isLoopbackHost } from '@coverlink/auth';
import { createOsiguClient, type PreauthorizeStep, preauthorize, unwrap } from '@coverlink/osigu';
import { type Command, Option } from 'commander';
import { UsageError } from '../cli-errors.js';
import { checkUrl, resolveOsiguConfig } from '../config.js';
import { type CommandContext, contextOf, type RunOptions } from '../context.js';
import { parsePositiveInteger } from '../parsers.js';

interface PreauthFlags {
  sponsor: string;
  documentType: string;
  documentNumber: string;
  diagnosis: string;
  product: string;
  productType: 'MEDICATION' | 'LAB' | 'IMAGING' | 'PROCEDURE';
  quantity: number;
  posology: string;
  professionalLicenseNumber?: string;
  indication: string;
  clientId?: string;
  clientSecret?: string;
  baseUrl?: string;
  mockPrefer?: string;
}

const contentTypes: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
};

export function addOsiguCommands(program: Command, options: RunOptions): void {
  const osigu = program.command('osigu').description('OSIGU (Latin America): pre-authorizations.');
  osigu
    .command('preauth')
    .description(
      "Runs OSIGU's quickstart loop: finds the beneficiary, then creates the pre-authorization, attaches the indication and completes it, printing each step and the authorization codes (or the pending status).",
    )
    .requiredOption('--sponsor <slug>', 'the sponsor to ask, e.g. sponsor-sandbox')
    .requiredOption('--document-type <type>', "the beneficiary's document type, e.g. CC")
    .requiredOption('--document-number <number>', "the beneficiary's document number (never printed)")
    .requiredOption('--diagnosis <code>', 'ICD-10 diagnosis code, e.g. R51')
    .requiredOption('--product <code>', 'catalogue product code, e.g. MED-042')
    .addOption(
      new Option('--product-type <type>', 'product type').choices(['MEDICATION', 'LAB', 'IMAGING', 'PROCEDURE']).default('MEDICATION'),
    )
    .option('--quantity <units>', 'units requested', parsePositiveInteger, 1)
    .option('--posology <text>', 'dosage instructions', 'as prescribed')
    .option('--professional-license-number <number>', "the prescriber's licence number, which some sponsors require (never printed)")
    .requiredOption('--indication <file>', 'the signed indication to attach (.pdf, .png or .jpg)')
    .option('--client-id <id>', 'OAuth client id (env COVERLINK_OSIGU_CLIENT_ID)')
    .option('--client-secret <secret>', 'OAuth client secret; prefer env COVERLINK_OSIGU_CLIENT_SECRET or .env (flags show in ps)')
    .option(
      '--base-url <url>',
      'API host (env COVERLINK_OSIGU_BASE_URL; default the local mock, or https://sandbox.osigu.com with --env sandbox)',
    )
    // For testing against the local mocks only: adds Prism's `Prefer` header (e.g. `code=404`) to the
    // API calls, not to the token request. Refused for any host but loopback.
    .addOption(new Option('--mock-prefer <value>', "send Prism's Prefer header on API calls (testing against the mocks only)").hideHelp())
    .action(async (flags: PreauthFlags, command: Command) => preauth(contextOf(command, options), flags));
}

async function preauth(context: CommandContext, flags: PreauthFlags): Promise<void> {
  const { reporter } = context;
  const config = resolveOsiguConfig(context.source, context.environment, flags);
  const baseUrl = checkUrl(config.baseUrl, '--base-url');
  if (flags.mockPrefer !== undefined && !isLoopbackHost(baseUrl.hostname)) {
    throw new UsageError('--mock-prefer only works against a local mock (a loopback --base-url).');
  }
  const indication = await readIndication(flags.indication);
  const osigu = createOsiguClient({ ...config, fetch: preferFetch(flags.mockPrefer) });

  const steps: Array<Record<string, unknown>> = [];
  reporter.begin('searching the beneficiary');
  const beneficiary = unwrap(
    await osigu.POST('/v1/sponsors/{sponsor_slug}/search', {
      params: { path: { sponsor_slug: flags.sponsor } },
      body: { document_type: flags.documentType, document_number: flags.documentNumber },
    }),
  );
  steps.push({ step: 'beneficiary-found', beneficiaryId: beneficiary.beneficiary_id });
  reporter.step(
    `beneficiary found: ${beneficiary.beneficiary_id} (plan ${beneficiary.coverage.plan_code}, active: ${beneficiary.coverage.active})`,
  );

  reporter.begin('creating the authorization request');
  const result = await preauthorize(osigu, {
    beneficiaryId: beneficiary.beneficiary_id,
    sponsorSlug: flags.sponsor,
    diagnosisCode: flags.diagnosis,
    products: [{ product_code: flags.product, product_type: flags.productType, quantity: flags.quantity, posology: flags.posology }],
    professionalLicenseNumber: flags.professionalLicenseNumber,
    indication,
    onStep(event: PreauthorizeStep) {
      steps.push({ ...event });
      if (event.step === 'created') {
        reporter.step(`authorization request ${event.authorizationRequestId} created, status ${event.status}`);
        reporter.begin('attaching the indication');
      } else if (event.step === 'indication-attached') {
        reporter.step(`indication attached (${event.transport})`);
        reporter.begin('completing the request');
      } else {
        reporter.step(`request completed, status ${event.status}`);
      }
    },
  });

  if (result.status === 'PENDING_SPONSOR') {
    reporter.step(
      `pending: the sponsor decides asynchronously on ${result.authorizationRequestId}; an authorization.* webhook will follow`,
    );
    reporter.result({
      status: result.status,
      authorizationRequestId: result.authorizationRequestId,
      beneficiaryId: beneficiary.beneficiary_id,
      steps,
    });
    return;
  }
  for (const authorization of result.approved) {
    reporter.step(`authorization code ${authorization.authorization_code} (${authorization.product_type}, ${authorization.status})`);
  }
  for (const authorization of result.rejected) reporter.step(`rejected: ${authorization.rejection_reason}`);
  reporter.result({
    status: result.status,
    authorizationRequestId: result.authorizationRequestId,
    beneficiaryId: beneficiary.beneficiary_id,
    steps,
    authorizations: result.authorizations,
  });
}

async function readIndication(path: string): Promise<{ content: Uint8Array; fileName: string; contentType: string }> {
  const contentType = contentTypes[extname(path).toLowerCase()];
  if (contentType === undefined) {
    throw new UsageError(`--indication must be a .pdf, .png or .jpg file, got "${path}".`);
  }
  try {
    return { content: new Uint8Array(await readFile(path)), fileName: basename(path), contentType };
  } catch (error) {
    throw new UsageError(`Cannot read the indication file "${path}" (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
}

function preferFetch(prefer: string | undefined): typeof fetch | undefined {
  if (prefer === undefined) return undefined;
  return (input, init) => {
    const request = new Request(input, init);
    if (!new URL(request.url).pathname.endsWith('/oauth/token')) request.headers.set('prefer', prefer);
    return fetch(request);
  };
}
