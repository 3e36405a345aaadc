/** Words that carry no meaning for search or scoring. */
const STOP_WORDS = new Set(
  'a an and are as at be by can do does for from has have how i if in is it its my of on or our so that the their then there this to was we what when which who why will with you your'.split(' '),
)

/** True for a word that carries no meaning for search or scoring. */
export const isStopWord = (word: string): boolean => STOP_WORDS.has(word)

/** Lower-cased content words of a text, without stop words. */
export function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}-]+/gu) ?? []).filter((w) => w.length > 1 && !STOP_WORDS.has(w))
}

/** A crude English stem, so that "reports" meets "report" and "sending" meets "send". */
export function stem(word: string): string {
  return word.replace(/(ing|ed|es|s)$/u, '') || word
}

/** Sentences of a paragraph (split after . ! ? followed by a space). */
export function sentences(text: string): string[] {
  return text
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?])\s+/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
}
