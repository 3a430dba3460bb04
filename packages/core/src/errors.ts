/**
 * Thrown when input does not fit the model: a malformed JSON document, an unknown label,
 * a field of the wrong type. Carries where (`path`, e.g. `blocks[3].label`) and what.
 */
export class BisInputError extends RangeError {
  /** Where in the input the problem is: a field path or `file:line`. */
  readonly path: string;
  /** The offending value. */
  readonly value: unknown;

  constructor(message: string, path = '', value: unknown = undefined) {
    super(path ? `${path}: ${message}` : message);
    this.name = 'BisInputError';
    this.path = path;
    this.value = value;
  }
}
