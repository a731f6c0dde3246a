export {
  errorShapeOf,
  generateRedaction,
  mergeShapes,
  propertyNamesOf,
  type ShapeNode,
  sensitiveExtension,
  sensitiveFieldsOf,
} from './generate-redaction.js';
export { generateTypes } from './generate-types.js';
export { generatedTypesDrift } from './generated-types-drift.js';
export { providerLayout } from './provider-layout.js';
