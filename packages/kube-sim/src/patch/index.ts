export { applyJsonPatch } from './jsonPatch.js';
export { applyMergePatch } from './mergePatch.js';
export { applyStrategicMergePatch } from './strategicMergePatch.js';
