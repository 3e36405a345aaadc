import { startTestApp } from './app'

/**
 * One shared app for all specs: a redis-server and the headless host on free
 * ports. Specs reach it through E2E_* variables (see fixtures.ts). Specs that
 * break things (kill Redis) start their own with startTestApp().
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const app = await startTestApp()
  process.env.E2E_APP_URL = app.url
  process.env.E2E_APP_TOKEN = app.token
  process.env.E2E_REDIS_URL = app.redisUrl
  return () => app.close()
}
