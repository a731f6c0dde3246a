import { fileURLToPath } from 'node:url';

/** A provider mock: which spec Prism serves and on which port by default. */
export interface MockDefinition {
  /** The provider name, as used on the command line and in `startMock()`. */
  name: string;
  /** Absolute path of the OpenAPI document Prism serves. */
  specPath: string;
  /** The documented local port (README, `nx run mock-<name>:mock`). */
  port: number;
}

const specsFolder = fileURLToPath(new URL('../../../specs/', import.meta.url));

/** Every provider mock, by name. Ports are documented in the README; keep them stable. */
export const mockDefinitions = {
  osigu: { name: 'osigu', specPath: `${specsFolder}osigu/openapi.yaml`, port: 4010 },
  oneassure: { name: 'oneassure', specPath: `${specsFolder}oneassure/openapi.yaml`, port: 4011 },
  // Port 4012 is the stateful Hello Claims authorization server (mocks/helloclaims); Prism serves the resource API.
  helloclaims: { name: 'helloclaims', specPath: `${specsFolder}helloclaims/openapi.yaml`, port: 4013 },
} as const satisfies Record<string, MockDefinition>;

/** The name of a provider that has a mock. */
export type MockName = keyof typeof mockDefinitions;

/** Whether `name` is a provider that has a mock. */
export function isMockName(name: string): name is MockName {
  return Object.hasOwn(mockDefinitions, name);
}

/**
 * A stateful simulator: a server of its own package (`mocks/<provider>`) that plays a provider's journeys through,
 * keeping what was created, beside the provider's Prism mock, which answers from the spec's examples.
 */
export interface SimulatorDefinition {
  /** The simulator's name, as the CLI labels it. */
  name: string;
  /** The provider whose spec the simulator serves (routes and validates with). */
  provider: MockName;
  /** Absolute path of that spec. */
  specPath: string;
  /** The documented local port. */
  port: number;
}

/** Every stateful simulator, by name; each is started by its package (`startOsiguSimulator` of `@coverlink/mock-osigu`). */
export const simulatorDefinitions = {
  'osigu-simulator': { name: 'osigu-simulator', provider: 'osigu', specPath: mockDefinitions.osigu.specPath, port: 4014 },
} as const satisfies Record<string, SimulatorDefinition>;

/** The name of a stateful simulator. */
export type SimulatorName = keyof typeof simulatorDefinitions;
