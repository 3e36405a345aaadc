import type { InspectorOptions } from './options'

/**
 * The inspector of one Redis connection: owns the topology pusher, the stats
 * sampler, live tails and trace watches, and closes them all together.
 */
export class Inspector {
  readonly options: InspectorOptions
  private closing: Promise<void> | null = null

  constructor(options: InspectorOptions) {
    this.options = options
  }

  start(): void {}

  close(): Promise<void> {
    this.closing ??= Promise.resolve()
    return this.closing
  }
}
