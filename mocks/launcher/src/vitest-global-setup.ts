import { type MockName, mockDefinition } from './mock-registry.js';
import { startMock } from './prism-server.js';

/** What a vitest global setup receives; only the part used here, so this package needs no vitest. */
export interface ProvidingProject {
  provide(key: string, value: unknown): void;
}

/**
 * A vitest `globalSetup` that starts Prism for `name` once per run on a free port (so tests run
 * while `nx run mock-<name>:mock` holds the documented port) and provides its URL to the tests as
 * `inject('<name>MockUrl')`.
 *
 * @example
 * ```ts
 * // src/mock-server.global-setup.ts
 * export default mockGlobalSetup('osigu');
 * ```
 */
export function mockGlobalSetup(name: MockName): (project: ProvidingProject) => Promise<() => Promise<void>> {
  mockDefinition(name);
  return async (project) => {
    const mock = await startMock(name, { port: 0 });
    project.provide(`${name}MockUrl`, mock.url);
    return () => mock.stop();
  };
}
