import type { SafeStorage } from 'electron'
import type { SecretStore } from '../app/secret-store'

/** Saved passwords sealed by the OS keychain through Electron's safeStorage. */
export function safeStorageSecretStore(safeStorage: SafeStorage): SecretStore {
  return {
    // Without a keychain (e.g. Linux with no secret service) we refuse rather than store plain text.
    get canStore() {
      return safeStorage.isEncryptionAvailable()
    },
    seal: (secret) => safeStorage.encryptString(secret).toString('base64'),
    open: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
  }
}
