/**
 * Errors of the command line and how they map to exit codes.
 *
 * - 0: success (also `--help`).
 * - 2: `UsageError` and commander's parse errors: unknown option or method, missing value, unsupported extension.
 * - 1: bad data (`DataError` from @clamp-viz/io, `ProjectionInputError` from @clamp-viz/projection), unreadable
 *   files, and anything unexpected.
 * - 130: cancelled (`AbortError`, e.g. Ctrl-C).
 * Errors are recognised by `name`, not `instanceof`, as the packages advise.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const EXIT_OK = 0;
export const EXIT_DATA = 1;
export const EXIT_USAGE = 2;
export const EXIT_ABORTED = 130;

const DATA_ERRORS = new Set(['DataError', 'ProjectionInputError']);

/** The exit code for an error thrown by a command. */
export function exitCodeFor(error: unknown): number {
  const name = errorName(error);
  if (name === 'UsageError') return EXIT_USAGE;
  if (name === 'AbortError') return EXIT_ABORTED;
  return EXIT_DATA;
}

/** One line for stderr: `clamp-viz: error: <message>`; file-system errors say which file and why. */
export function errorLine(error: unknown): string {
  const name = errorName(error);
  const message = error instanceof Error ? error.message : String(error);
  const fsCode = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (name === 'AbortError') return 'clamp-viz: cancelled';
  if (DATA_ERRORS.has(name) || name === 'UsageError') return `clamp-viz: error: ${firstLine(message)}`;
  if (typeof fsCode === 'string' && /^E[A-Z]+$/.test(fsCode)) return `clamp-viz: error: ${fsMessage(error as NodeJS.ErrnoException)}`;
  return `clamp-viz: error: ${firstLine(message)} (${name}; run with --debug for details)`;
}

function errorName(error: unknown): string {
  return typeof error === 'object' && error !== null && typeof (error as { name?: unknown }).name === 'string'
    ? (error as { name: string }).name
    : 'Error';
}

function firstLine(message: string): string {
  const line = message.split('\n', 1)[0] ?? '';
  return line.length > 0 ? line : 'unknown error';
}

function fsMessage(error: NodeJS.ErrnoException): string {
  const what: Record<string, string> = {
    ENOENT: 'no such file or directory',
    EACCES: 'permission denied',
    EISDIR: 'is a directory',
    ENOTDIR: 'a parent is not a directory',
    EEXIST: 'already exists',
  };
  const reason = what[error.code ?? ''] ?? firstLine(error.message);
  return error.path ? `${JSON.stringify(error.path)}: ${reason}` : firstLine(error.message);
}
