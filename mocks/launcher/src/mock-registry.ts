import { fileURLToPath } from 'node:url';
import { listProviderDeclarations } from '@coverlink/workspace-plugin/provider-manifest';

/** A provider mock, as the provider's coverlink.provider.json declares it. */
export interface MockDefinition {
  /** The provider name, as used on the command line and in `startMock()`. */
  name: string;
  /** How people write the provider's name. */
  displayName: string;
  /** Absolute path of the OpenAPI document Prism serves. */
  specPath: string;
  /** Prism's documented local port (`nx run mock-<name>:mock`). */
  port: number;
  /** The stateful authorization server beside Prism, for a provider whose mock has one. */
  authorizationServer?: { project: string; port: number } | undefined;
  /** The stateful simulator beside Prism, for a provider whose mock has one. */
  simulator?: { project: string; port: number } | undefined;
}

/** A provider name the registry knows; checked at run time with {@link isMockName}. */
export type MockName = string;

const workspaceRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Every provider mock, by name, in the order of their ports: read from the providers' manifests, never listed here. */
export const mockDefinitions: Readonly<Record<MockName, MockDefinition>> = Object.fromEntries(
  listProviderDeclarations(workspaceRoot).map(({ name, displayName, mock }) => [
    name,
    {
      name,
      displayName,
      specPath: `${workspaceRoot}specs/${name}/openapi.yaml`,
      port: mock.port,
      authorizationServer: mock.authorizationServer,
      simulator: mock.simulator,
    },
  ]),
);

/** Whether `name` is a provider that has a mock. */
export function isMockName(name: string): name is MockName {
  return Object.hasOwn(mockDefinitions, name);
}

/**
 * The mock of provider `name`.
 *
 * @throws {Error} When no provider of that name declares a mock, naming the ones that do.
 */
export function mockDefinition(name: MockName): MockDefinition {
  const definition = mockDefinitions[name];
  if (definition === undefined) {
    throw new Error(`No provider named ${name} has a coverlink.provider.json. Known: ${Object.keys(mockDefinitions).join(', ')}.`);
  }
  return definition;
}

/**
 * A stateful simulator: a server of its own package (`mocks/<provider>`) that plays a provider's
 * journeys through, keeping what was created, beside the provider's Prism mock, which answers from
 * the spec's examples. Declared by the provider's coverlink.provider.json (`mock.simulator`).
 */
export interface SimulatorDefinition {
  /** The simulator's name, as the CLI labels it: `<provider>-simulator`. */
  name: string;
  /** The provider whose spec the simulator serves (routes and validates with). */
  provider: MockName;
  /** Absolute path of that spec. */
  specPath: string;
  /** The documented local port. */
  port: number;
}

/** Every stateful simulator, by name; each is started by its own package (`startOsiguSimulator` of `@coverlink/mock-osigu`). */
export const simulatorDefinitions: Readonly<Record<string, SimulatorDefinition>> = Object.fromEntries(
  Object.values(mockDefinitions).flatMap(({ name, specPath, simulator }) =>
    simulator === undefined ? [] : [[`${name}-simulator`, { name: `${name}-simulator`, provider: name, specPath, port: simulator.port }]],
  ),
);

/** The name of a stateful simulator, such as `osigu-simulator`. */
export type SimulatorName = string;

/**
 * The simulator named `name`.
 *
 * @throws {Error} When no provider's manifest declares that simulator, naming the ones declared.
 */
export function simulatorDefinition(name: SimulatorName): SimulatorDefinition {
  const definition = simulatorDefinitions[name];
  if (definition === undefined) {
    throw new Error(
      `No coverlink.provider.json declares a simulator named ${name}. Known: ${Object.keys(simulatorDefinitions).join(', ')}.`,
    );
  }
  return definition;
}
