export type { IssuedAuthorization } from './authorization-requests.js';
export type { SentOtp } from './dispensing.js';
export { osiguSimulatorGlobalSetup } from './global-setup.js';
export {
  type OsiguSimulatorOptions,
  osiguSimulatorPort,
  type RunningOsiguSimulator,
  simulatorWebhookSecret,
  startOsiguSimulator,
} from './osigu-simulator.js';
export { checkResponseAgainstSpec, createOsiguSpecBackend, osiguSpecPath, WebhookEventValidators } from './osigu-spec.js';
export {
  demoClient,
  type SimulatorClient,
  sandboxBeneficiaries,
  sandboxCatalogue,
  sandboxProvider,
  sandboxSponsors,
  testInputs,
} from './sandbox-data.js';
export { documentedTokenRateLimit } from './token-endpoint.js';
export {
  type DeliveryAttempt,
  documentedRedeliveryPolicy,
  type RedeliveryPolicy,
  type WebhookEvent,
  type WebhookSubscription,
} from './webhook-delivery.js';
export { type RecordedDelivery, type RunningWebhookReceiver, startWebhookReceiver } from './webhook-receiver.js';
