import { osiguSimulatorGlobalSetup } from '@coverlink/mock-osigu';

export default osiguSimulatorGlobalSetup();

declare module 'vitest' {
  export interface ProvidedContext {
    osiguSimulatorUrl: string;
  }
}
