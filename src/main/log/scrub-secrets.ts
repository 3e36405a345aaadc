/** Bound on remembered secrets (one per connection config; a runaway caller cannot grow it). */
const MAX_SECRETS = 64
/** Shorter strings would blank ordinary words out of every line. */
const MIN_SECRET_LENGTH = 4

const secrets = new Set<string>()
/** user:password@ inside a redis:// URL, whatever the password. */
const URL_PASSWORD = /(rediss?(?:\+cluster)?:\/\/[^:@\s/]*:)[^@\s]+@/g

/** A password this process connects with: no log line will ever carry it. */
export function rememberSecret(secret: string | undefined): void {
  if (!secret || secret.length < MIN_SECRET_LENGTH || secrets.has(secret)) return
  if (secrets.size >= MAX_SECRETS) secrets.delete(secrets.values().next().value as string)
  secrets.add(secret)
}

/** One log line with every remembered secret, and any password inside a Redis URL, replaced by ***. */
export function scrubSecrets(line: string): string {
  let clean = line.replace(URL_PASSWORD, '$1***@')
  for (const secret of secrets) {
    if (clean.includes(secret)) clean = clean.split(secret).join('***')
    const json = JSON.stringify(secret).slice(1, -1) // the form it takes inside a JSON line
    if (json !== secret && clean.includes(json)) clean = clean.split(json).join('***')
  }
  return clean
}
