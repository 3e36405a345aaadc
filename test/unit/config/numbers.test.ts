import { describe, expect, it } from 'vitest'
import { positiveInt } from '../../../src/main/config/cli-args'
import { envNumber } from '../../../src/main/config/env-number'
import { redisConfigFromEnv } from '../../../src/main/redis/connection-config'
import { runtimeOptionsFromEnv } from '../../../src/main/runtime/core/options'

describe('numbers from the environment', () => {
  it('reads a non-negative number, leaves unset and blank alone, and names the variable it refuses', () => {
    expect(envNumber({ N: '2.5' }, 'N')).toBe(2.5)
    expect(envNumber({ N: '0' }, 'N')).toBe(0)
    expect(envNumber({}, 'N')).toBeUndefined()
    expect(envNumber({ N: '  ' }, 'N')).toBeUndefined()
    expect(() => envNumber({ N: '-1' }, 'N')).toThrow('N must be a non-negative number, got "-1"')
    expect(() => envNumber({ N: 'ten' }, 'N')).toThrow('N must be a non-negative number, got "ten"')
  })

  it('is the same parser for the Redis settings and the runtime options', () => {
    expect(() => redisConfigFromEnv({ REDIS_MAX_CONNECTIONS: 'many' })).toThrow('REDIS_MAX_CONNECTIONS must be a non-negative number, got "many"')
    expect(() => runtimeOptionsFromEnv({ SWITCHYARD_BATCH_SIZE: 'many' })).toThrow('SWITCHYARD_BATCH_SIZE must be a non-negative number, got "many"')
  })
})

describe('whole numbers on the command line', () => {
  it('takes 1 and up, and refuses 0, fractions, negatives and text', () => {
    expect(positiveInt('1')).toBe(1)
    expect(positiveInt('30000')).toBe(30_000)
    for (const bad of ['0', '-3', '1.5', 'two', '']) expect(() => positiveInt(bad), bad).toThrow(/at least 1/)
  })
})
