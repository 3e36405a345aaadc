/**
 * Seed 001's planned SMS assistant pipeline, offline:
 * sms_manager → translate → clarify → search_docs → summarize → quality_control → result list,
 * with quality_control sending a weak answer back to clarify (bounded by MAX_RETRIES
 * and the runtime's safety limits). Written only against the public SDK; the module
 * exports agent classes only (the worker refuses anything else).
 */
import { fileURLToPath } from 'node:url'
import { BaseAgent, type Envelope } from 'switchyard'
import { clarify, type Clarification } from './lib/clarity.ts'
import { DocsIndex, type SearchHit } from './lib/docs-index.ts'
import { translateQuery, type Translation } from './lib/language.ts'
import { MAX_RETRIES, QUALITY_THRESHOLD, scoreAnswer } from './lib/quality.ts'
import { summarizePassages, type Summary } from './lib/summary.ts'

const DOCS_FOLDER = fileURLToPath(new URL('./docs/', import.meta.url))
const SEARCH_LIMIT = 4
const NOT_FOUND = 'I could not find this in the docs.'

/** Hands the envelope to the next role, marking where it stands (seed 001's `after_<role>` stages). */
function forward(env: Envelope, from: string, to: string): Envelope {
  env.payload.stage = `after_${from}`
  env.target_role = to
  env.kind = 'task'
  return env
}

function field<T>(env: Envelope, name: string): T {
  const value = env.payload[name]
  if (value === undefined || value === null) throw new TypeError(`payload.${name} is missing`)
  return value as T
}

/** Entry point: checks the question and starts the pipeline. */
export class SmsManagerAgent extends BaseAgent {
  process(env: Envelope): Envelope {
    const query = env.payload.user_query
    if (typeof query !== 'string' || query.trim() === '') throw new TypeError('payload.user_query must be a non-empty string')
    env.payload.messages = [{ role: 'user', content: query, timestamp: new Date().toISOString() }]
    env.payload.retry_count = 0
    return forward(env, this.role, 'translate')
  }
}

/** Detects the language (tinyld) and translates the question to English through the domain glossary. */
export class TranslateAgent extends BaseAgent {
  process(env: Envelope): Envelope {
    env.payload.translation = translateQuery(field<string>(env, 'user_query'))
    return forward(env, this.role, 'clarify')
  }
}

/** Decides how certain the docs can answer, and what to ask when they cannot. */
export class ClarifyAgent extends BaseAgent {
  private readonly index = DocsIndex.fromFolder(DOCS_FOLDER)

  process(env: Envelope): Envelope {
    const { translated_query } = field<Translation>(env, 'translation')
    env.payload.clarification = clarify(translated_query, this.index, Number(env.payload.retry_count ?? 0))
    return forward(env, this.role, 'search_docs')
  }
}

/** Full-text search (MiniSearch) over the docs shipped with the example. */
export class SearchDocsAgent extends BaseAgent {
  private readonly index = DocsIndex.fromFolder(DOCS_FOLDER)

  process(env: Envelope): Envelope {
    const { search_query, broad } = field<Clarification>(env, 'clarification')
    const chunks = this.index.find(search_query, SEARCH_LIMIT, broad)
    env.payload.search_results = {
      chunks,
      sources: [...new Set(chunks.map((c) => c.source))],
      relevance_scores: chunks.map((c) => c.score),
    }
    return forward(env, this.role, 'summarize')
  }
}

/** Extractive summary of the found passages, by the question's words. */
export class SummarizeAgent extends BaseAgent {
  process(env: Envelope): Envelope {
    const { search_query, broad } = field<Clarification>(env, 'clarification')
    const { chunks } = field<{ chunks: SearchHit[] }>(env, 'search_results')
    env.payload.summary = summarizePassages(search_query, chunks, broad ? 4 : 3)
    return forward(env, this.role, 'quality_control')
  }
}

/** Scores the answer; a weak one goes back to clarify, a good one (or the last try) to the caller. */
export class QualityControlAgent extends BaseAgent {
  process(env: Envelope): Envelope {
    const clarification = field<Clarification>(env, 'clarification')
    const summary = field<Summary>(env, 'summary')
    const { relevance_scores } = field<{ relevance_scores: number[] }>(env, 'search_results')
    const report = scoreAnswer({
      query: clarification.search_query,
      response: summary.response,
      relevance: relevance_scores,
      sourcesUsed: summary.sources_used.length,
    })
    const retries = Number(env.payload.retry_count ?? 0)
    const passed = report.score >= QUALITY_THRESHOLD
    env.payload.quality = { ...report, passed, threshold: QUALITY_THRESHOLD }
    if (!passed && retries < MAX_RETRIES) {
      env.payload.retry_count = retries + 1
      return forward(env, this.role, 'clarify')
    }
    const answer = passed
      ? summary.response
      : [summary.response || NOT_FOUND, ...clarification.clarifying_questions].join(' ')
    ;(env.payload.messages as unknown[]).push({ role: 'assistant', content: answer, timestamp: new Date().toISOString() })
    env.payload.answer = answer
    env.payload.stage = 'done'
    env.kind = 'result'
    env.target_list = env.result_list || `result:${env.message_id}`
    return env
  }
}
