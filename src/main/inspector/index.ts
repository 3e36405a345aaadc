export { Inspector } from './inspector'
export type { InspectorOptions } from './options'
export { createInspectorHandlers } from './handlers'
