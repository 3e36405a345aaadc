import type { ComponentType } from 'react'

/** One entry of the app's navigation: a view and where it sits. */
export interface ViewDefinition {
  /** Stable id, used in the URL hash and by e2e page objects (data-view="id"). */
  id: string
  label: string
  component: ComponentType
}
