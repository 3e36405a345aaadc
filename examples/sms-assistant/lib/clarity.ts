import type { DocsIndex } from './docs-index.ts'
import { contentWords } from './text.ts'

export interface Clarification {
  /** Share of the query's content words that the docs know, 0..1. */
  certainty_level: number
  needs_clarification: boolean
  clarifying_questions: string[]
  /** The query search_docs runs: the known words only, once a first answer was weak. */
  search_query: string
  /** A retry widens the search (any word, fuzzier) and the summary. */
  broad: boolean
}

/** Below this certainty the answer carries clarifying questions. */
export const CERTAINTY_THRESHOLD = 0.6

/**
 * Decides whether the question is clear enough for the docs: the share of its
 * words the docs contain. A vague one gets questions naming the closest
 * topics. On a retry (a weak first answer) the unknown words are dropped from
 * the search and the search is widened.
 */
export function clarify(query: string, index: DocsIndex, retryCount: number): Clarification {
  const words = contentWords(query)
  const known = words.filter((w) => index.knows(w))
  const certainty = words.length === 0 ? 0 : Math.round((known.length / words.length) * 100) / 100
  const needs = certainty < CERTAINTY_THRESHOLD || known.length < 2
  const topics = [...new Set(index.find(query, 5, true).map((hit) => hit.title))].slice(0, 3)
  const questions = needs && topics.length > 0 ? [`Do you mean one of these: ${topics.join('; ')}?`] : []
  const retry = retryCount > 0
  return {
    certainty_level: certainty,
    needs_clarification: needs,
    clarifying_questions: questions,
    search_query: retry && known.length > 0 ? known.join(' ') : query,
    broad: retry,
  }
}
