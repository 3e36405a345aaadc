import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { REPO_ROOT } from './app'

export const SCREENSHOT_DIR = join(REPO_ROOT, 'test-results', 'screenshots')
/** The two sizes every view is checked at: a laptop and the small window the layout must hold at. */
export const SCREENSHOT_SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 },
] as const

/**
 * Saves the page at both sizes as test-results/screenshots/<name>-<w>x<h>.png
 * (gitignored), then puts the viewport back. `settle` waits for the view to
 * have re-fitted after a resize (the graph re-fits on resize).
 */
export async function saveViewScreenshots(page: Page, name: string, settle?: () => Promise<void>): Promise<string[]> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const before = page.viewportSize()
  const paths: string[] = []
  for (const size of SCREENSHOT_SIZES) {
    await page.setViewportSize(size)
    if (settle) await settle()
    const path = join(SCREENSHOT_DIR, `${name}-${size.width}x${size.height}.png`)
    await page.screenshot({ path })
    paths.push(path)
  }
  if (before) await page.setViewportSize(before)
  return paths
}
