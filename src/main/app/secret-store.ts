/**
 * Where saved passwords go. Desktop: Electron safeStorage (OS keychain backed).
 * Headless: none — passwords are never written to disk in plain text.
 */
export interface SecretStore {
  readonly canStore: boolean
  /** Returns an opaque string safe to write to the connections file. */
  seal(secret: string): string
  open(sealed: string): string
}

export const noSecretStore: SecretStore = {
  canStore: false,
  seal() {
    throw new Error('this mode cannot store passwords')
  },
  open() {
    throw new Error('this mode cannot read stored passwords')
  },
}
