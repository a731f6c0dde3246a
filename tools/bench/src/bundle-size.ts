// 3. Bundle size: each provider package with its dependencies, bundled and minified by esbuild,
// gzip-compressed with node:zlib; oauth4webapi's share from the metafile and from a bundle of it alone.
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { listProviderDeclarations } from '@coverlink/workspace-plugin/provider-manifest';
import { build, type Metafile } from 'esbuild';
import { progress } from './child.js';

export interface BundleResult {
  package: string;
  platform: 'browser' | 'node';
  minifiedBytes: number;
  gzipBytes: number;
  /** Minified bytes esbuild attributes to each dependency (before gzip). */
  minifiedBytesByDependency: Record<string, number>;
  oauth4webapiShareOfMinified: number;
  note?: string;
}

export interface BundleSizeResult {
  packages: BundleResult[];
  oauth4webapiAlone: { minifiedBytes: number; gzipBytes: number };
}

const workspaceRoot = fileURLToPath(new URL('../../../', import.meta.url));
const authPackage = fileURLToPath(new URL('../../../packages/auth/', import.meta.url));

/** Which dependency an esbuild input path belongs to: an npm package, or a workspace package's source. */
function dependencyOf(input: string): string {
  const modules = input.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const rest = input.slice(modules + 'node_modules/'.length).split('/');
    const name = rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1] ?? ''}` : (rest[0] ?? input);
    return name.startsWith('.pnpm') ? input : name;
  }
  const workspace = /(?:packages|mocks)\/([^/]+)\//.exec(input);
  return workspace === null ? input : `@coverlink/${workspace[1] ?? ''}`;
}

async function bundle(
  options: { entryPoints: string[] } | { stdin: { contents: string; resolveDir: string } },
  platform: 'browser' | 'node',
): Promise<{ code: Uint8Array; metafile: Metafile }> {
  const result = await build({
    ...options,
    bundle: true,
    minify: true,
    format: 'esm',
    platform,
    conditions: ['@coverlink/source'],
    write: false,
    metafile: true,
    outdir: 'out',
    logLevel: 'silent',
  });
  const output = result.outputFiles.find((file) => file.path.endsWith('.js'));
  if (output === undefined) throw new Error('esbuild produced no JavaScript');
  return { code: output.contents, metafile: result.metafile };
}

async function measurePackage(name: string, platform: 'browser' | 'node', note?: string): Promise<BundleResult> {
  progress(`bundle size: @coverlink/${name} (${platform})`);
  const { code, metafile } = await bundle({ entryPoints: [`${workspaceRoot}packages/${name}/src/index.ts`] }, platform);
  const byDependency: Record<string, number> = {};
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const dependency = dependencyOf(input);
      if (bytesInOutput > 0) byDependency[dependency] = (byDependency[dependency] ?? 0) + bytesInOutput;
    }
  }
  const sorted = Object.fromEntries(Object.entries(byDependency).sort(([, a], [, b]) => b - a));
  return {
    package: `@coverlink/${name}`,
    platform,
    minifiedBytes: code.byteLength,
    gzipBytes: gzipSync(code, { level: 9 }).byteLength,
    minifiedBytesByDependency: sorted,
    oauth4webapiShareOfMinified: Number(((byDependency.oauth4webapi ?? 0) / code.byteLength).toFixed(3)),
    ...(note === undefined ? {} : { note }),
  };
}

export async function measureBundleSizes(): Promise<BundleSizeResult> {
  const packages: BundleResult[] = [];
  for (const { name, bundle: budget } of listProviderDeclarations(workspaceRoot)) {
    const note =
      budget.platform === 'node'
        ? "Server-only by design: it holds the client secret, and its `browser` export deliberately fails a browser build. Bundled for platform 'node' instead."
        : undefined;
    packages.push(await measurePackage(name, budget.platform, note));
  }
  progress('bundle size: oauth4webapi alone');
  // oauth4webapi is a dependency of @coverlink/auth, so it resolves from there.
  const alone = await bundle({ stdin: { contents: "export * from 'oauth4webapi';", resolveDir: authPackage } }, 'browser');
  return {
    packages,
    oauth4webapiAlone: { minifiedBytes: alone.code.byteLength, gzipBytes: gzipSync(alone.code, { level: 9 }).byteLength },
  };
}
