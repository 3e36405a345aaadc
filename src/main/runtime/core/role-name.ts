// An agent's default role, derived from its class name.
/**
 * Seed 001's zero-config role: the class name without its `Agent` suffix, in
 * snake_case (`UppercaseAgent` → `uppercase`, `SearchDocsAgent` → `search_docs`).
 */
export function roleFromClassName(className: string): string {
  const base = className.replace(/Agent$/, '') || className
  return base
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
}
