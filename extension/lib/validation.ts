import type { z } from 'zod';
import { VISIBLE_TEXT_MESSAGE } from '../../shared/schemas/common.js';
import type { Catalogue } from './i18n.js';
import type { FieldErrors } from './server-field-errors.js';

/**
 * The issues of a shared schema's `safeParse` as messages in the reader's language, keyed by field path.
 * The schema decides what is wrong; this only words it (zod's own messages are English-only).
 */
export function fieldErrors(issues: readonly z.core.$ZodIssue[], t: Catalogue): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    errors[path] ??= issueMessage(issue, t);
  }
  return errors;
}

function issueMessage(issue: z.core.$ZodIssue, t: Catalogue): string {
  switch (issue.code) {
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string') return minimum <= 1 ? t.errorRequired : t.errorTooShort(minimum);
      if (issue.origin === 'number') return t.errorMin(minimum);
      return issue.message;
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'string') return t.errorTooLong(maximum);
      if (issue.origin === 'number') return t.errorMax(maximum);
      if (issue.origin === 'array') return t.errorTooMany(maximum);
      return issue.message;
    }
    case 'invalid_type':
      if (issue.expected === 'int') return t.errorWhole;
      if ((issue as { received?: string }).received === 'NaN') return t.errorNumber;
      return t.errorRequired;
    case 'not_multiple_of':
      return t.errorDecimals;
    case 'custom':
      // The shared text rule refuses blank (or invisible-only) text before it counts characters.
      return issue.message === VISIBLE_TEXT_MESSAGE ? t.errorRequired : issue.message;
    case 'invalid_format':
      return issue.path.at(-1) === 'currency' ? t.errorCurrency : issue.message;
    default:
      return issue.message;
  }
}
