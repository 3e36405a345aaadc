import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { clarify } from '../lib/clarity.ts'
import { DocsIndex } from '../lib/docs-index.ts'
import { translateQuery } from '../lib/language.ts'
import { QUALITY_THRESHOLD, scoreAnswer } from '../lib/quality.ts'
import { summarizePassages } from '../lib/summary.ts'

const index = DocsIndex.fromFolder(fileURLToPath(new URL('../docs/', import.meta.url)))

/** The pipeline's work without Redis: translate → clarify → search → summarize → score. */
function answer(query: string, retry: number) {
  const translation = translateQuery(query)
  const clarification = clarify(translation.translated_query, index, retry)
  const hits = index.find(clarification.search_query, 4, clarification.broad)
  const summary = summarizePassages(clarification.search_query, hits, clarification.broad ? 4 : 3)
  const quality = scoreAnswer({ query: clarification.search_query, response: summary.response, relevance: hits.map((h) => h.score), sourcesUsed: summary.sources_used.length })
  return { translation, clarification, hits, summary, quality }
}

describe('the SMS assistant example, offline', () => {
  it('detects Spanish, French and German and translates the domain words', () => {
    expect(translateQuery('¿Cómo configuro los ajustes de SMS?')).toMatchObject({ detected_language: 'es', translated_query: 'how configure settings sms' })
    expect(translateQuery('Comment configurer les paramètres des messages ?').detected_language).toBe('fr')
    expect(translateQuery('Wie konfiguriere ich Zustellberichte?').translated_query).toBe('how configure delivery reports')
    expect(translateQuery('How do I send a message?')).toMatchObject({ detected_language: 'en', confidence: 1 })
  })

  it('finds the document that answers the question and quotes it', () => {
    const { hits, summary, quality } = answer('What does error code 30007 mean?', 0)
    expect(hits[0]?.source).toBe('docs/troubleshooting.md')
    expect(summary.response).toContain('30007')
    expect(quality.score).toBeGreaterThanOrEqual(QUALITY_THRESHOLD)
  })

  it('answers a Spanish question from the English docs', () => {
    const { summary, quality } = answer('¿Cómo configuro los ajustes de SMS?', 0)
    expect(summary.sources_used).toContain('docs/sms-configuration.md')
    expect(quality.score).toBeGreaterThanOrEqual(QUALITY_THRESHOLD)
  })

  it('scores a question full of unknown words as weak, and the retry (known words only, wider search) as good', () => {
    const query = 'How do I configure delivery reports for my xyzzy widget gizmo frobnicator?'
    const first = answer(query, 0)
    expect(first.quality.score).toBeLessThan(QUALITY_THRESHOLD)
    expect(first.clarification.needs_clarification).toBe(true)
    const retry = answer(query, 1)
    expect(retry.clarification.search_query).toBe('configure delivery reports')
    expect(retry.summary.sources_used).toContain('docs/delivery-reports.md')
    expect(retry.quality.score).toBeGreaterThanOrEqual(QUALITY_THRESHOLD)
  })

  it('finds nothing for a question the docs do not cover, and says why', () => {
    const { summary, quality } = answer('banana weather tomorrow please', 1)
    expect(summary.response).toBe('')
    expect(quality.reasons).toContain('no source found')
  })
})
