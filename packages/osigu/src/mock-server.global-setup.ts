import { startMock } from '@coverlink/mocks';
import type { TestProject } from 'vitest/node';

// One Prism for the whole run, on a free port, so tests can run while `nx run mock-osigu:mock`
// holds the documented port.
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const mock = await startMock('osigu', { port: 0 });
  project.provide('osiguMockUrl', mock.url);
  return () => mock.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    osiguMockUrl: string;
  }
}
