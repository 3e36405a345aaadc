import { contentWords, sentences, stem } from './text.ts'

export interface Summary {
  response: string
  /** Share of the query's content words that the response covers, 0..1. */
  confidence: number
  sources_used: string[]
}

interface Passage {
  content: string
  source: string
  score: number
}

/**
 * Extractive summary: every sentence of the found passages is scored by the
 * query words it contains — a word rare among the candidates (an error code)
 * counts more than a common one (idf) — weighted by its passage's search
 * score; the best `maxSentences` are kept in the order they appeared.
 */
export function summarizePassages(query: string, passages: Passage[], maxSentences = 3): Summary {
  const queryStems = new Set(contentWords(query).map(stem))
  const candidates = passages.flatMap((passage, p) =>
    sentences(passage.content).map((sentence, s) => ({
      sentence,
      source: passage.source,
      order: p * 1000 + s,
      weight: 0.5 + passage.score,
      words: new Set(contentWords(sentence).map(stem)),
    })),
  )
  const idf = (word: string): number => Math.log(1 + candidates.length / (1 + candidates.filter((c) => c.words.has(word)).length))
  const scored = candidates.map((c) => ({
    ...c,
    score: c.weight * [...queryStems].filter((w) => c.words.has(w)).reduce((sum, w) => sum + idf(w), 0),
  }))
  const chosen = scored
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, maxSentences)
    .sort((a, b) => a.order - b.order)
  const response = chosen.map((s) => s.sentence).join(' ')
  return {
    response,
    confidence: coverage(queryStems, response),
    sources_used: [...new Set(chosen.map((s) => s.source))],
  }
}

/** Share of the query's stems found in a text. */
export function coverage(queryStems: Set<string>, text: string): number {
  if (queryStems.size === 0) return 0
  const words = new Set(contentWords(text).map(stem))
  const found = [...queryStems].filter((w) => words.has(w)).length
  return Math.round((found / queryStems.size) * 100) / 100
}
