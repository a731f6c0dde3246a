import { mockGlobalSetup } from '@coverlink/mocks';

export default mockGlobalSetup('osigu');

declare module 'vitest' {
  export interface ProvidedContext {
    osiguMockUrl: string;
  }
}
