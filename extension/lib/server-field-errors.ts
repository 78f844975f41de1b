/** Form errors by field path (`summary`, `price.amount`, `milestones.0.weeks`), one message per field. */
export type FieldErrors = Record<string, string>;

/** The issues of a server's 422 answer (`details.issues`), keyed like `fieldErrors`. */
export function serverFieldErrors(details: unknown): FieldErrors {
  const issues = (details as { issues?: { path?: unknown; message?: unknown }[] } | undefined)?.issues ?? [];
  const errors: FieldErrors = {};
  for (const { path, message } of issues) {
    if (typeof path === 'string' && typeof message === 'string') errors[path] ??= message;
  }
  return errors;
}
