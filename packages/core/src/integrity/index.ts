export { canonicalize, CanonicalJsonError } from './canonical-json';
export { chainHash, CHAIN_DOMAIN_TAG, GENESIS_HASH, isChainHash } from './chain-hash';
export { HashChain, newChainId } from './hash-chain';
export type { ChainPosition, SealedRecord } from './hash-chain';
export { formatCheckpoint, parseCheckpoint, CheckpointFormatError } from './checkpoint';
export type { Checkpoint } from './checkpoint';
export { signNote, parseNote, verifyNote, SignedNoteError } from './signed-note';
export type { ParsedNote, NoteSignature } from './signed-note';
export {
  generateSigningKeys,
  loadPrivateKey,
  loadPublicKey,
  keyHash,
  formatVerifierKey,
  SigningKeyError,
} from './signing-keys';
export type { SigningKeyPair } from './signing-keys';
export { createLocalSigner, CheckpointRefusedError } from './checkpoint-signer';
export type { CheckpointSigner, CheckpointRequest, LocalSignerOptions } from './checkpoint-signer';
export { remoteSigner, RemoteSignerError } from './remote-signer';
export type { RemoteSignerOptions } from './remote-signer';
export { startSignerServer } from './signer-server';
export type { SignerServer, SignerServerOptions } from './signer-server';
export { checkpointFile } from './checkpoint-file';
export type { CheckpointStore } from './checkpoint-file';
export { inspectRecord } from './inspect-record';
export type { InspectedRecord, RecordState } from './inspect-record';
export { readLineBatches, openLogStream } from './read-log-lines';
export type { LineBatch } from './read-log-lines';
export { verifyLog } from './verify-log';
export type { VerifyLogOptions } from './verify-log';
export { DAMAGE_KINDS } from './verify-report';
export type { Damage, DamageKind, VerifyReport } from './verify-report';
