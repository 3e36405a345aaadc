import type { z } from 'zod'

/** zod issues by their first path segment, for showing next to form fields. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const issue of error.issues) {
    const field = issue.path.length ? String(issue.path[0]) : 'form'
    errors[field] ??= issue.message
  }
  return errors
}

export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))
