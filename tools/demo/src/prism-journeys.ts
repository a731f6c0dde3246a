import type { MockName } from '@coverlink/mocks';

/** A provider journey that needs nothing but its provider's Prism mock. */
export interface PrismJourney {
  /** The heading printed before the journey. */
  title: string;
  /** The mock the journey runs against. */
  mock: MockName;
  /** Runs the journey against `baseUrl`, printing each step. */
  run(baseUrl: string): Promise<void>;
}

/** The journeys of providers added with the provider generator, run after the three above. */
export const prismJourneys: readonly PrismJourney[] = [
  // `nx g @coverlink/workspace-plugin:provider <name>` adds one line here per provider.
];
