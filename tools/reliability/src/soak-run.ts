// Runs one provider's soak and prints its JSON report as the last line of stdout.
// Usage: node --expose-gc --import tsx --conditions=@coverlink/source src/soak-run.ts <provider> [requests] [seed]
import { runSoak, type SoakProvider, soakProviders } from './soak.js';

const [providerArgument, requestsArgument, seedArgument] = process.argv.slice(2);
if (!soakProviders.includes(providerArgument as SoakProvider)) {
  console.error(`Usage: soak-run.ts <${soakProviders.join('|')}> [requests] [seed]`);
  process.exit(2);
}
const report = await runSoak({
  provider: providerArgument as SoakProvider,
  requests: Number(requestsArgument ?? 10_000),
  warmup: Number(process.env.SOAK_WARMUP ?? 2000),
  concurrency: 50,
  seed: Number(seedArgument ?? 20_260_601),
});
console.log(JSON.stringify(report));
