import type { ViewDefinition } from './view-definition'

/** The operator views (pipeline, streams, pending, traces, violations). */
export const operatorViews: ViewDefinition[] = []
