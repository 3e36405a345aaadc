import type { ControlApi } from '@shared/api'

declare global {
  interface Window {
    /** Present under Electron (preload); absent in a browser — boot checks `'switchyard' in window`. */
    switchyard: ControlApi
  }
}
export {}
