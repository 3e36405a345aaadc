/** Redis Cluster's 16384 hash slots. */
export const CLUSTER_SLOTS = 16_384

/** CRC16-XMODEM (polynomial 0x1021), the checksum Redis Cluster hashes keys with. */
function crc16(bytes: Uint8Array): number {
  let crc = 0
  for (const byte of bytes) {
    crc ^= byte << 8
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff
  }
  return crc
}

/**
 * The slot of a key as CLUSTER KEYSLOT answers it: only the first non-empty
 * `{hash tag}` is hashed when there is one, so `{a}:x` and `{a}:y` share a slot.
 */
export function keySlot(key: string | Buffer): number {
  const bytes = typeof key === 'string' ? Buffer.from(key) : key
  const open = bytes.indexOf(0x7b) // {
  if (open >= 0) {
    const close = bytes.indexOf(0x7d, open + 1) // }
    if (close > open + 1) return crc16(bytes.subarray(open + 1, close)) % CLUSTER_SLOTS
  }
  return crc16(bytes) % CLUSTER_SLOTS
}
