import { detectAll } from 'tinyld'
import { functionWords, glossary } from './glossary.ts'

export interface Translation {
  detected_language: string
  translated_query: string
  /** Share of the query's words that were English already or found in the glossary, 0..1. */
  confidence: number
}

const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}'-]+/gu) ?? []

/**
 * Detects the query's language (tinyld, offline) and translates it word for
 * word through the domain glossary. A language without a glossary is kept
 * as it is, with its confidence lowered accordingly.
 */
export function translateQuery(query: string): Translation {
  const candidates = detectAll(query).filter((c) => c.lang === 'en' || c.lang in glossary)
  const language = candidates[0]?.lang ?? 'en'
  const tokens = words(query)
  if (language === 'en' || tokens.length === 0) {
    return { detected_language: 'en', translated_query: query.trim(), confidence: 1 }
  }
  const table = glossary[language] ?? {}
  const dropped = new Set(functionWords[language] ?? [])
  const meaningful = tokens.filter((token) => !dropped.has(token))
  let known = 0
  const translated = meaningful.map((token) => {
    const english = table[token]
    if (english) known += 1
    return english ?? token
  })
  return {
    detected_language: language,
    translated_query: translated.join(' '),
    confidence: meaningful.length === 0 ? 0 : Math.round((known / meaningful.length) * 100) / 100,
  }
}
