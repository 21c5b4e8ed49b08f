import type { z } from 'zod';

/** The first problem schema validation found: where (the field's path, or `top`) and what. */
export function firstIssue(error: z.ZodError): { readonly where: string; readonly message: string } {
  const issue = error.issues[0];
  return {
    where: issue && issue.path.length > 0 ? issue.path.map(String).join('.') : 'top',
    message: issue?.message ?? 'invalid',
  };
}
