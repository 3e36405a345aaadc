import { describe, expect, it } from 'vitest'
import { createLogger, rememberSecret } from '../../../src/main/log/logger'

function memoryLogger() {
  const lines: string[] = []
  const log = createLogger({ level: 'debug', debugFile: 'debug.log', infoFile: 'info.log' }, { write: (line: string) => void lines.push(line) })
  return { log, lines }
}

describe('the logger never writes a password', () => {
  it('blanks password fields, passwords inside Redis URLs, and remembered secrets inside messages and errors', () => {
    const { log, lines } = memoryLogger()
    rememberSecret('s3cr3t-"quoted"')
    log.info({ redis: { url: 'redis://ops@h:1', password: 'hunter22' } }, 'config')
    log.warn('cannot reach rediss://ops:hunter33@10.0.0.5:6380/0')
    log.error({ err: new Error('AUTH failed for s3cr3t-"quoted"') }, 'auth')
    const all = lines.join('')
    expect(all).not.toMatch(/hunter22|hunter33|s3cr3t/)
    expect(all).toContain('rediss://ops:***@10.0.0.5')
    expect(lines).toHaveLength(3)
    expect(lines.map((l) => (JSON.parse(l) as { level: number }).level)).toEqual([30, 40, 50])
  })
})
