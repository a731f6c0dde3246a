import { packageBuildConfig } from '../../tsdown.shared.js';

export default packageBuildConfig({ index: 'src/index.ts', 'redis/index': 'src/redis/index.ts' });
