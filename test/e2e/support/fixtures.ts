import { test as base, expect } from '@playwright/test'
import { Redis } from 'ioredis'

export interface SharedApp {
  /** Page URL with ?token=… */
  url: string
  token: string
  /** http://127.0.0.1:PORT (no token). */
  origin: string
  redisUrl: string
}

function sharedApp(): SharedApp {
  const url = process.env.E2E_APP_URL
  const token = process.env.E2E_APP_TOKEN
  const redisUrl = process.env.E2E_REDIS_URL
  if (!url || !token || !redisUrl) throw new Error('E2E_* variables missing: run through test/e2e/playwright.config.ts')
  return { url, token, origin: new URL(url).origin, redisUrl }
}

/**
 * `app`: where the shared app runs. `redis`: a plain client on its Redis, for
 * arranging data and asserting on it (quit after each test).
 */
export const test = base.extend<{ app: SharedApp; redis: Redis }>({
  app: async ({}, use) => {
    await use(sharedApp())
  },
  redis: async ({}, use) => {
    const client = new Redis(sharedApp().redisUrl, { maxRetriesPerRequest: 1 })
    await use(client)
    client.disconnect()
  },
})

export { expect }
