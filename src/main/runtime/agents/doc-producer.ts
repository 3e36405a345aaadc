// Seed 000's document producer: splits a text into chunks and adds them as review tasks.
import type { RedisClient } from '../../redis/client-type'
import { DOC_TASKS } from '@shared/keys'

/** Chunks are paragraphs, joined up to this many characters (a paragraph longer than it is cut). */
export const CHUNK_MAX_CHARS = 2_000

export function splitIntoChunks(text: string, maxChars: number = CHUNK_MAX_CHARS): string[] {
  const chunks: string[] = []
  let current = ''
  for (const paragraph of text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean)) {
    for (let start = 0; start < paragraph.length; start += maxChars) {
      const piece = paragraph.slice(start, start + maxChars)
      if (current && current.length + piece.length + 2 > maxChars) {
        chunks.push(current)
        current = ''
      }
      current = current ? `${current}\n\n${piece}` : piece
    }
  }
  if (current) chunks.push(current)
  return chunks
}

/** Step A, the pure producer: XADDs every chunk to doc.review.tasks and returns the chunk ids. */
export async function produceDocument(redis: RedisClient, docId: string, text: string): Promise<string[]> {
  const chunks = splitIntoChunks(text)
  const pipeline = redis.pipeline()
  const ids = chunks.map((_, index) => `c${index + 1}`)
  chunks.forEach((chunk, index) => {
    pipeline.xadd(DOC_TASKS, '*', 'doc_id', docId, 'chunk_id', ids[index] ?? '', 'text', chunk, 'timestamp', String(Date.now() / 1000))
  })
  await pipeline.exec()
  return ids
}
