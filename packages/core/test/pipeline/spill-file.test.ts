import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QueueEntry } from '../../src/pipeline/queue-entry';
import { SpillFile } from '../../src/pipeline/spill-file';
import { fakeEntry } from './support/entries';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'seclog-spillfile-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function open(maxPendingBytes = 1024 * 1024) {
  const durable: QueueEntry[] = [];
  const corrupt: number[] = [];
  const spill = new SpillFile(join(dir, 's.spill.jsonl'), { dir, maxPendingBytes, adopt: false }, {
    durable: (entries) => durable.push(...entries),
    unwritable: () => {
      throw new Error('unexpected');
    },
    corrupt: (_error, offset) => corrupt.push(offset),
  });
  return { spill, durable, corrupt };
}

const drainBuffer = (spill: SpillFile) => {
  const out: number[] = [];
  for (let entry = spill.shift(); entry; entry = spill.shift()) out.push(entry.seq);
  return out;
};

describe('SpillFile', () => {
  it('writes on the next tick, confirms durability after fdatasync, and reads back in sequence order', async () => {
    const { spill, durable } = open();
    for (const seq of [5, 6, 2, 3]) spill.append(fakeEntry(seq, 'HIGH'));
    expect(spill.hasUnread()).toBe(false);
    await spill.settle();
    expect(durable.map((e) => e.seq)).toEqual([5, 6, 2, 3]);
    expect(spill.recordsWritten).toBe(4);
    expect(await spill.fill()).toBe(true);
    expect(drainBuffer(spill)).toEqual([2, 3, 5, 6]);
  });

  it('writes at once when a burst passes maxPendingBytes', () => {
    const { spill } = open(10);
    spill.append(fakeEntry(1, 'CRITICAL'));
    expect(spill.recordsWritten).toBe(1);
    expect(spill.hasUnread()).toBe(true);
  });

  it('empties the file once every record was delivered; a rewind reads them again', async () => {
    const { spill } = open();
    for (let seq = 0; seq < 3; seq++) spill.append(fakeEntry(seq, 'HIGH'));
    await spill.settle();
    await spill.fill();
    expect(drainBuffer(spill)).toEqual([0, 1, 2]);
    spill.rewind();
    await spill.fill();
    spill.commit(2);
    expect(spill.backlogBytes).toBeGreaterThan(0);
    spill.commit(1);
    expect(spill.backlogBytes).toBe(0);
    expect(statSync(spill.path).size).toBe(0);
    expect(await spill.close()).toBe(true);
  });

  it('skips and reports a line that is not a record', async () => {
    const { spill, corrupt } = open();
    spill.writeNow([fakeEntry(1, 'HIGH'), fakeEntry(2, 'HIGH')]);
    // Someone edits the first record in place.
    const fd = openSync(spill.path, 'r+');
    writeSync(fd, 'XX', 0);
    closeSync(fd);
    await spill.fill();
    expect(drainBuffer(spill)).toEqual([2]);
    expect(corrupt).toEqual([0]);
  });
});
