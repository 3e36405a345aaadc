import { describe, expect, it } from 'vitest'
import { execTransaction, luaScript, Transaction } from '../../../src/main/runtime/hop/transaction'
import { useTestRedis } from '../../support/redis'

const { client: redis } = useTestRedis()

const COUNT_SCRIPT = luaScript("return redis.call('INCRBY', KEYS[1], ARGV[1])")

describe('execTransaction (the batch MULTI of every agent)', () => {
  it('runs every queued command between MULTI and EXEC and reports each one as done', async () => {
    const tx = new Transaction()
    tx.call('XADD', ['tx:stream', '*', 'n', 1])
    tx.script(COUNT_SCRIPT, ['tx:count'], [5])
    tx.call('LPUSH', ['tx:list', 'a'])
    expect(await execTransaction(redis, tx)).toEqual([null, null, null])
    expect(await redis.xlen('tx:stream')).toBe(1)
    expect(await redis.get('tx:count')).toBe('5')
    expect(await redis.lrange('tx:list', 0, -1)).toEqual(['a'])
  })

  it('reports the one command Redis failed at EXEC, and the others still ran', async () => {
    await redis.set('tx:not-a-list', 'x')
    const tx = new Transaction()
    tx.call('INCR', ['tx:ok'])
    tx.call('LPUSH', ['tx:not-a-list', 'a'])
    const outcome = await execTransaction(redis, tx)
    expect(outcome[0]).toBeNull()
    expect(outcome[1]?.message).toMatch(/^WRONGTYPE/)
    expect(await redis.get('tx:ok')).toBe('1')
  })

  it('loads a script Redis lost (SCRIPT FLUSH) and runs only the commands that missed it', async () => {
    await redis.script('FLUSH')
    const tx = new Transaction()
    tx.call('INCR', ['tx:once'])
    tx.script(COUNT_SCRIPT, ['tx:scripted'], [3])
    expect(await execTransaction(redis, tx)).toEqual([null, null])
    expect(await redis.get('tx:once')).toBe('1')
    expect(await redis.get('tx:scripted')).toBe('3')
  })

  it('rejects as a whole when Redis refuses to queue a command, and nothing of it runs', async () => {
    const tx = new Transaction()
    tx.call('INCR', ['tx:never'])
    tx.call('NOT-A-COMMAND', [])
    await expect(execTransaction(redis, tx)).rejects.toThrow(/EXECABORT/)
    expect(await redis.get('tx:never')).toBeNull()
  })

  it('writes the transaction at once: a command issued right after it runs after its EXEC', async () => {
    const tx = new Transaction()
    tx.call('SET', ['tx:inside', '1'])
    const done = execTransaction(redis, tx)
    const outside = redis.get('tx:inside') // issued after: runs after EXEC
    expect(await done).toEqual([null])
    expect(await outside).toBe('1')
  })
})
