import type { ProvidingProject } from '@coverlink/mocks';
import { startOsiguSimulator } from './osigu-simulator.js';

/**
 * A vitest `globalSetup` that starts the OSIGU simulator once per run on a free port (so tests run while
 * `nx run mock-osigu:mock` holds the documented one) and provides its URL as `inject('osiguSimulatorUrl')`, as
 * `mockGlobalSetup('osigu')` of `@coverlink/mocks` does for Prism. Short sponsor and claim delays keep journeys quick.
 *
 * @example
 * ```ts
 * // src/osigu-simulator.global-setup.ts
 * export default osiguSimulatorGlobalSetup();
 * ```
 */
export function osiguSimulatorGlobalSetup(): (project: ProvidingProject) => Promise<() => Promise<void>> {
  return async (project) => {
    const simulator = await startOsiguSimulator({ port: 0, sponsorDecisionDelayMilliseconds: 200, claimProcessingDelayMilliseconds: 200 });
    project.provide('osiguSimulatorUrl', simulator.url);
    return () => simulator.stop();
  };
}
