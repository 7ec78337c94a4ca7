/** A command-line failure that is the user's to fix: printed as its message alone, without a stack. */
export class CliError extends Error {
  override readonly name = 'CliError';
}
