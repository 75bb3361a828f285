/**
 * Bytes copied into a SharedArrayBuffer. A thread that hands them to another posts them shared: neither
 * copied nor transferred. Transferring detaches the sender's buffer, and once any ArrayBuffer of a thread
 * has been detached V8 checks every typed-array access of that thread for it: loops over typed arrays ran
 * ~2× slower from then on (tests/bench/README.md). The claim worker computes claims after handing a
 * submission's files over, so it keeps its files here instead (claimWorker.ts).
 */
export function inSharedMemory(bytes: Uint8Array): Uint8Array {
  if (bytes.buffer instanceof SharedArrayBuffer) return bytes;
  const shared = new Uint8Array(new SharedArrayBuffer(bytes.byteLength));
  shared.set(bytes);
  return shared;
}
