import { mockGlobalSetup } from '@coverlink/mocks';

export default mockGlobalSetup('helloclaims');

declare module 'vitest' {
  export interface ProvidedContext {
    helloclaimsMockUrl: string;
  }
}
