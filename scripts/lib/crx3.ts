import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';

/**
 * CRX3, the format Chrome and Edge install off-store (components/crx_file/crx3.proto in Chromium):
 *   "Cr24" · uint32 LE version (3) · uint32 LE header length · CrxFileHeader (protobuf) · the zip.
 * CrxFileHeader: field 2 `sha256_with_rsa` = AsymmetricKeyProof {1: public_key (DER SPKI), 2: signature};
 * field 10000 `signed_header_data` = SignedData {1: crx_id (first 16 bytes of sha256(public_key))}.
 * The signature is RSA PKCS#1 v1.5 / SHA-256 over "CRX3 SignedData\x00" · uint32 LE len(signed_header_data) ·
 * signed_header_data · zip. The extension id is crx_id written with the letters a–p.
 */

function varint(n: number): Buffer {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return Buffer.from(out);
}

function field(num: number, bytes: Buffer): Buffer {
  return Buffer.concat([varint(num * 8 + 2), varint(bytes.length), bytes]);
}

function readVarint(buf: Buffer, at: number): [number, number] {
  let n = 0;
  let mul = 1;
  for (;;) {
    if (at >= buf.length) throw new Error('truncated varint');
    const b = buf[at++];
    n += (b & 0x7f) * mul;
    if (!(b & 0x80)) return [n, at];
    mul *= 128;
  }
}

/** Length-delimited fields of a protobuf message (other wire types are refused: CRX3 has none). */
function fields(buf: Buffer): { num: number; bytes: Buffer }[] {
  const out: { num: number; bytes: Buffer }[] = [];
  let at = 0;
  while (at < buf.length) {
    const [tag, a] = readVarint(buf, at);
    if ((tag & 7) !== 2) throw new Error(`unexpected wire type ${tag & 7}`);
    const [len, b] = readVarint(buf, a);
    out.push({ num: Math.floor(tag / 8), bytes: buf.subarray(b, b + len) });
    at = b + len;
  }
  return out;
}

export function idFromCrxId(crxId: Buffer): string {
  return [...crxId.toString('hex')].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

export function extensionIdForKey(publicKeyDer: Buffer): string {
  return idFromCrxId(createHash('sha256').update(publicKeyDer).digest().subarray(0, 16));
}

const PREFIX = Buffer.from('CRX3 SignedData\x00', 'binary');

function signedPayload(signedData: Buffer, zip: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32LE(signedData.length);
  return Buffer.concat([PREFIX, len, signedData, zip]);
}

/** Pack a zip into a CRX3 signed with an RSA private key (PEM). */
export function packCrx3(zip: Buffer, privateKeyPem: string | KeyObject): { crx: Buffer; id: string; publicKeyDer: Buffer } {
  const key = typeof privateKeyPem === 'string' ? createPrivateKey(privateKeyPem) : privateKeyPem;
  if (key.asymmetricKeyType !== 'rsa') throw new Error('VIGIE_CRX_KEY must be an RSA private key (PEM)');
  const publicKeyDer = createPublicKey(key).export({ type: 'spki', format: 'der' });
  const crxId = createHash('sha256').update(publicKeyDer).digest().subarray(0, 16);
  const signedData = field(1, crxId);
  const signature = sign('sha256', signedPayload(signedData, zip), key);
  const header = Buffer.concat([field(2, Buffer.concat([field(1, publicKeyDer), field(2, signature)])), field(10000, signedData)]);
  const head = Buffer.alloc(12);
  head.write('Cr24', 0, 'binary');
  head.writeUInt32LE(3, 4);
  head.writeUInt32LE(header.length, 8);
  return { crx: Buffer.concat([head, header, zip]), id: idFromCrxId(crxId), publicKeyDer };
}

export interface ParsedCrx3 {
  version: number;
  id: string;
  publicKeys: Buffer[];
  /** Whether one RSA proof's key has the declared crx_id and its signature verifies. */
  verified: boolean;
  zip: Buffer;
}

/** Parse and verify a CRX3 (independent of packCrx3's internals: reads the bytes back per crx3.proto). */
export function parseCrx3(crx: Buffer): ParsedCrx3 {
  if (crx.subarray(0, 4).toString('binary') !== 'Cr24') throw new Error('not a CRX (no Cr24 magic)');
  const version = crx.readUInt32LE(4);
  const headerLen = crx.readUInt32LE(8);
  const header = crx.subarray(12, 12 + headerLen);
  const zip = crx.subarray(12 + headerLen);
  const top = fields(header);
  const signedData = top.find((f) => f.num === 10000)?.bytes;
  if (!signedData) throw new Error('no signed_header_data');
  const crxId = fields(signedData).find((f) => f.num === 1)?.bytes;
  if (!crxId || crxId.length !== 16) throw new Error('no 16-byte crx_id');
  const proofs = top.filter((f) => f.num === 2).map((f) => fields(f.bytes));
  const publicKeys: Buffer[] = [];
  let verified = false;
  for (const proof of proofs) {
    const pub = proof.find((f) => f.num === 1)?.bytes;
    const sig = proof.find((f) => f.num === 2)?.bytes;
    if (!pub || !sig) continue;
    publicKeys.push(pub);
    const matches = createHash('sha256').update(pub).digest().subarray(0, 16).equals(crxId);
    if (matches && verify('sha256', signedPayload(signedData, zip), createPublicKey({ key: pub, format: 'der', type: 'spki' }), sig)) verified = true;
  }
  return { version, id: idFromCrxId(crxId), publicKeys, verified, zip };
}

/** The update manifest Chrome and Edge poll for a self-hosted extension (gupdate protocol 2.0). */
export function updateXml(id: string, version: string, codebase: string): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/'/g, '&apos;').replace(/</g, '&lt;');
  return `<?xml version='1.0' encoding='UTF-8'?>
<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>
  <app appid='${esc(id)}'>
    <updatecheck codebase='${esc(codebase)}' version='${esc(version)}' />
  </app>
</gupdate>
`;
}

/** The names in a zip and one entry's bytes (stored or deflated), from its central directory. For tests. */
export function zipEntries(zip: Buffer): Map<string, () => Buffer> {
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip (no end of central directory)');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const out = new Map<string, () => Buffer>();
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory');
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLen = zip.readUInt16LE(at + 28);
    const extraLen = zip.readUInt16LE(at + 30);
    const commentLen = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLen).toString('utf8');
    out.set(name, () => {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return method === 0 ? Buffer.from(data) : inflateRawSync(data);
    });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}
