import { ensurePackageBuilt } from './built-package'

/** Vitest global setup: the built CLI and SDK (dist/) exist and are current before any test spawns them. */
export default function setup(): void {
  ensurePackageBuilt()
}
