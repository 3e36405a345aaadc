// The Cluster hash slot of a key (CRC16/XMODEM of the key or its {hash tag}, mod 16384), as Redis computes it.

const TABLE = new Uint16Array(256)
for (let byte = 0; byte < 256; byte++) {
  let crc = byte << 8
  for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff
  TABLE[byte] = crc
}

function crc16(bytes: Buffer): number {
  let crc = 0
  for (const byte of bytes) crc = ((crc << 8) & 0xffff) ^ (TABLE[((crc >> 8) ^ byte) & 0xff] ?? 0)
  return crc
}

/** The part Redis hashes: the first non-empty {…} of the key, else the whole key. */
export function hashTagOf(key: string): string {
  const open = key.indexOf('{')
  if (open < 0) return key
  const close = key.indexOf('}', open + 1)
  return close > open + 1 ? key.slice(open + 1, close) : key
}

export function keySlot(key: string): number {
  return crc16(Buffer.from(hashTagOf(key), 'utf8')) % 16384
}
