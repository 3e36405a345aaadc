import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import MiniSearch from 'minisearch'
import { contentWords, isStopWord, stem } from './text.ts'

export interface DocChunk {
  id: string
  source: string
  title: string
  content: string
}

export interface SearchHit {
  content: string
  source: string
  title: string
  /** MiniSearch's BM25 score divided by the best hit's, so the best hit scores 1. */
  score: number
  /** MiniSearch's raw BM25 score, comparable between queries of similar length. */
  raw_score: number
}

/** Paragraphs of every Markdown file in a folder, each a searchable chunk titled by its file's heading. */
export function loadChunks(folder: string): DocChunk[] {
  const chunks: DocChunk[] = []
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.md')).sort()) {
    const text = readFileSync(join(folder, file), 'utf8')
    const title = /^#\s+(.+)$/m.exec(text)?.[1]?.trim() ?? file
    const paragraphs = text
      .split(/\n\s*\n/)
      .map((p) => p.replace(/^#.*$/m, '').trim())
      .filter(Boolean)
    paragraphs.forEach((content, n) => chunks.push({ id: `${file}#${n}`, source: `docs/${file}`, title, content }))
  }
  return chunks
}

/** Full-text search (MiniSearch: BM25, prefix and fuzzy matching) over the chunks of a docs folder. */
export class DocsIndex {
  private readonly search: MiniSearch<DocChunk>
  private readonly vocabulary: Set<string>
  readonly titles: string[]

  constructor(chunks: DocChunk[]) {
    this.titles = [...new Set(chunks.map((c) => c.title))]
    this.vocabulary = new Set(chunks.flatMap((c) => contentWords(`${c.title} ${c.content}`).map(stem)))
    this.search = new MiniSearch<DocChunk>({
      fields: ['title', 'content'],
      storeFields: ['source', 'title', 'content'],
      // Stop words out, stems in: "reports" finds "report", "what does" finds nothing.
      processTerm: (term) => (isStopWord(term.toLowerCase()) ? null : stem(term.toLowerCase())),
      searchOptions: { boost: { title: 2 }, prefix: true },
    })
    this.search.addAll(chunks)
  }

  static fromFolder(folder: string): DocsIndex {
    return new DocsIndex(loadChunks(folder))
  }

  /** The best `limit` chunks; `broad` widens the match (any term, fuzzier) for a retry. */
  find(query: string, limit: number, broad = false): SearchHit[] {
    const hits = this.search.search(query, broad ? { combineWith: 'OR', fuzzy: 0.3 } : { combineWith: 'OR', fuzzy: 0.1 })
    const best = hits[0]?.score ?? 1
    return hits.slice(0, limit).map((hit) => ({
      content: String(hit.content),
      source: String(hit.source),
      title: String(hit.title),
      score: Math.round((hit.score / best) * 1000) / 1000,
      raw_score: Math.round(hit.score * 1000) / 1000,
    }))
  }

  /** True when some document contains the word (after stemming). */
  knows(word: string): boolean {
    return this.vocabulary.has(stem(word.toLowerCase()))
  }
}
