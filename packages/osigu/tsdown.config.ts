import { packageBuildConfig } from '../../tsdown.shared.js';

export default packageBuildConfig({ index: 'src/index.ts' });
