import { isNoPermission, noPermissionSentence } from '../redis/acl-errors'

/**
 * One part of a view that the Redis user may not read: its fallback stands in,
 * and a sentence naming the key joins `unreadable`, so the rest of the view shows.
 */
export async function unlessRefused<T>(read: Promise<T>, fallback: T, key: string, unreadable: string[]): Promise<T> {
  try {
    return await read
  } catch (error) {
    if (!isNoPermission(error)) throw error
    unreadable.push(noPermissionSentence(error, key))
    return fallback
  }
}
