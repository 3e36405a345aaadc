import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

/**
 * The agents module chosen in the Agents view, remembered in the data folder
 * (agents-module.json). undefined: never chosen (SWITCHYARD_AGENTS_MODULE
 * applies); null: chosen "none" (it overrides the variable).
 */
export class AgentsModuleSetting {
  constructor(private readonly file: string) {}

  read(): string | null | undefined {
    let text: string
    try {
      text = readFileSync(this.file, 'utf8')
    } catch {
      return undefined
    }
    try {
      const path = (JSON.parse(text) as { path?: unknown }).path
      return typeof path === 'string' && path !== '' ? path : null
    } catch {
      return undefined // a damaged file counts as never chosen; the next save replaces it
    }
  }

  write(path: string | null): void {
    mkdirSync(dirname(this.file), { recursive: true })
    const temp = `${this.file}.${process.pid}.tmp`
    writeFileSync(temp, `${JSON.stringify({ path }, null, 2)}\n`)
    renameSync(temp, this.file)
  }
}
