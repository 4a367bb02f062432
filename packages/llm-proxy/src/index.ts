export { hashApiKey } from './hash-api-key.js';
