/** "1 key could not be read:" / "3 keys could not be read:". */
export function unreadableTitle(count: number): string {
  return `${count} ${count === 1 ? 'key' : 'keys'} could not be read:`
}
