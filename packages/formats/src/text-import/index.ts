export { type ImportTextOptions, importText } from './import-text';
export { DEFAULT_MAX_IMPORT_BYTES } from './lines';
