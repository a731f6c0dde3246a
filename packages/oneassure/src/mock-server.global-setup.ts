import { mockGlobalSetup } from '@coverlink/mocks';

export default mockGlobalSetup('oneassure');

declare module 'vitest' {
  export interface ProvidedContext {
    oneassureMockUrl: string;
  }
}
