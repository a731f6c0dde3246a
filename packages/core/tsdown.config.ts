import { packageBuildConfig } from '../../tsdown.shared.js';

// The two default transports are entries of their own, reached only through the package's
// `#default-transport` import (undici on Node, global fetch elsewhere), never bundled into the
// index: resolving it at build time would bake one runtime's choice into every bundle.
export default packageBuildConfig(
  {
    index: 'src/index.ts',
    'node-transport': 'src/node-transport.ts',
    'default-transport': 'src/default-transport.ts',
    'default-transport.node': 'src/default-transport.node.ts',
  },
  {
    deps: { neverBundle: [/^@coverlink\//, /^#default-transport$/] },
    exports: { devExports: '@coverlink/source', legacy: true, exclude: ['default-transport', 'default-transport.node'] },
  },
);
