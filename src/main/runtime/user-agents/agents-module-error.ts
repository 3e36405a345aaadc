// The error of an agents module that cannot run, naming file and export.
/** A user's agents module that cannot run: the message names the file and, where one is at fault, the export. */
export class AgentsModuleError extends Error {
  constructor(
    readonly file: string,
    readonly exportName: string | null,
    detail: string,
  ) {
    super(exportName === null ? `${file}: ${detail}` : `${file}: export "${exportName}" ${detail}`)
    this.name = 'AgentsModuleError'
  }
}
