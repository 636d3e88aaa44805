export { redactingModel, redactRequest } from './redactingModel.js';
export { redact } from './redactSecrets.js';
export { isSecretKey, keyWords } from './secretKeys.js';
export { isHighEntropy, REDACTED, redactText, SECRET_SHAPES, type SecretShape } from './secretShapes.js';
