import type { RedisClient } from '../../redis/client-type'
import type { RequestArgs, StreamPage } from '@shared/api'
import { HandlerError } from '@shared/result'
import { idText } from '../entries/binary-fields'
import { decodeEntries, type RawEntry } from '../entries/decode-entry'
import { pipelineValues } from '../redis-errors'

/**
 * One page of a stream by exclusive id cursor, newest first by default.
 * `at` jumps to an id or a time (ms) inclusively. One extra entry is read to
 * know whether a next page exists; one probe tells whether a previous one does.
 */
export async function readStreamPage(redis: RedisClient, args: RequestArgs<'streams.page'>): Promise<StreamPage> {
  const { stream, order, count, after, at } = args
  const from = after ? `(${after}` : at !== undefined ? String(at) : order === 'desc' ? '+' : '-'
  const first = redis.pipeline().type(stream).xlen(stream)
  // Buffers: bytes that are not UTF-8 are shown as marked hex, never as U+FFFD.
  if (order === 'desc') first.xrevrangeBuffer(stream, from, '-', 'COUNT', count + 1)
  else first.xrangeBuffer(stream, from, '+', 'COUNT', count + 1)
  const [type, length, rows] = pipelineValues(await first.exec(), { stream }) as [string, number, RawEntry[]]
  if (type === 'none') throw new HandlerError('not_found', `stream ${stream} does not exist`)
  if (type !== 'stream') throw new HandlerError('invalid_request', `${stream} is a ${type}, not a stream`)

  const page = rows.slice(0, count)
  const hasNext = rows.length > count
  const firstId = page[0]?.[0]
  const head = firstId !== undefined ? idText(firstId) : (after ?? null)
  // Is there anything on the other side of the page's first entry?
  let hasPrev = false
  if (head && (after || at !== undefined)) {
    const probe =
      order === 'desc'
        ? await redis.xrange(stream, `(${head}`, '+', 'COUNT', 1)
        : await redis.xrevrange(stream, `(${head}`, '-', 'COUNT', 1)
    hasPrev = probe.length > 0
  }
  return {
    stream,
    length,
    entries: decodeEntries(page),
    nextCursor: hasNext && page.length ? idText(page.at(-1)![0]) : null,
    prevCursor: hasPrev ? head : null,
  }
}
