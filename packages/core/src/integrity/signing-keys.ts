import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';

/** Thrown for key material that is not an Ed25519 key in a form seclog reads. */
export class SigningKeyError extends Error {
  override readonly name = 'SigningKeyError';
}

/** C2SP signed-note signature type byte for Ed25519. */
const ED25519_TYPE = 0x01;

export interface SigningKeyPair {
  /** PKCS#8 PEM: keep it with the signer only, mode 0600. */
  privateKeyPem: string;
  /** SPKI PEM: hand it to whoever verifies. */
  publicKeyPem: string;
}

export function generateSigningKeys(): SigningKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

export function loadPrivateKey(pem: string | Buffer): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch (error) {
    throw new SigningKeyError('not a readable private key (expected PKCS#8 PEM)', { cause: error });
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new SigningKeyError(`expected an Ed25519 key, got ${key.asymmetricKeyType}`);
  return key;
}

/**
 * An Ed25519 public key from SPKI PEM, or from a C2SP verifier key line `name+hash+base64(0x01||key)`
 * (what `seclog keygen` also writes), or derived from a private key object.
 */
export function loadPublicKey(source: string | Buffer | KeyObject): KeyObject {
  if (typeof source !== 'string' && !Buffer.isBuffer(source)) {
    return source.type === 'private' ? createPublicKey(source) : source;
  }
  const text = source.toString().trim();
  let key: KeyObject;
  try {
    key = text.startsWith('-----BEGIN') ? createPublicKey(text) : publicKeyFromVerifierKey(text);
  } catch (error) {
    if (error instanceof SigningKeyError) throw error;
    throw new SigningKeyError('not a readable public key (expected SPKI PEM or a verifier key line)', { cause: error });
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new SigningKeyError(`expected an Ed25519 key, got ${key.asymmetricKeyType}`);
  return key;
}

/** The 32 raw bytes of an Ed25519 public key. */
export function rawPublicKey(key: KeyObject): Buffer {
  const jwk = loadPublicKey(key).export({ format: 'jwk' });
  return Buffer.from(jwk.x as string, 'base64url');
}

/** C2SP key hash: the first 4 bytes of SHA-256(name || "\n" || 0x01 || public key). */
export function keyHash(name: string, publicKey: KeyObject): Buffer {
  return createHash('sha256')
    .update(name, 'utf8')
    .update(Buffer.from([0x0a, ED25519_TYPE]))
    .update(rawPublicKey(publicKey))
    .digest()
    .subarray(0, 4);
}

/** C2SP verifier key: `name+hexkeyhash+base64(0x01 || key)`. */
export function formatVerifierKey(name: string, publicKey: KeyObject): string {
  const encoded = Buffer.concat([Buffer.from([ED25519_TYPE]), rawPublicKey(publicKey)]).toString('base64');
  return `${name}+${keyHash(name, publicKey).toString('hex')}+${encoded}`;
}

function publicKeyFromVerifierKey(text: string): KeyObject {
  // The key is base64, which may itself contain "+": split at the first two only.
  const match = /^([^+\s]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/]+=*)$/.exec(text);
  if (!match) throw new SigningKeyError('a verifier key has the form name+hash+key');
  const bytes = Buffer.from(match[3]!, 'base64');
  if (bytes.length !== 33 || bytes[0] !== ED25519_TYPE) throw new SigningKeyError('the verifier key is not an Ed25519 key');
  const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: bytes.subarray(1).toString('base64url') }, format: 'jwk' });
  if (keyHash(match[1]!, key).toString('hex') !== match[2]) throw new SigningKeyError('the verifier key hash does not match its name and key');
  return key;
}
