/** The view id is the hash up to its first `/` (`#traces/<message_id>` → traces). */
export const viewOfHash = (hash: string): string => hash.replace(/^#\/?/, '').split('/')[0] ?? ''
