import { describe, expect, it } from 'vitest';
import { correlation, getContext, runWithContext, updateContext } from '../../src';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('runWithContext', () => {
  it('is visible after awaits and timers, and gone outside', async () => {
    expect(getContext()).toBeUndefined();
    await runWithContext({ correlationId: 'c-1', target: '/orders/:id' }, async () => {
      await tick();
      await new Promise<void>((resolve) =>
        setTimeout(() => {
          expect(getContext()?.correlationId).toBe('c-1');
          resolve();
        }, 1),
      );
      expect(getContext()?.target).toBe('/orders/:id');
    });
    expect(getContext()).toBeUndefined();
  });

  it('never crosses between concurrent runs', async () => {
    const seen = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        runWithContext({ correlationId: `run-${i}` }, async () => {
          await new Promise((resolve) => setTimeout(resolve, (i * 7) % 5));
          return getContext()?.correlationId;
        }),
      ),
    );
    expect(seen).toEqual(Array.from({ length: 50 }, (_, i) => `run-${i}`));
  });

  it('generates an id when none or an invalid one is given', () => {
    runWithContext({ correlationId: 'bad\nid' }, () => {
      const id = getContext()!.correlationId;
      expect(id).not.toContain('\n');
      expect(correlation.isValid(id)).toBe(true);
    });
  });

  it('updateContext sets the actor for later events of the same run only', async () => {
    expect(updateContext({ actor: 'nobody' })).toBe(false);
    await runWithContext({ actor: { ip: '203.0.113.9', type: 'ip' } }, async () => {
      expect(getContext()?.actor).toEqual({ id: '203.0.113.9', type: 'ip', ip: '203.0.113.9' });
      await tick();
      expect(updateContext({ actor: 'user-42' })).toBe(true);
      expect(getContext()?.actor).toEqual({ id: 'user-42', type: 'user', ip: '203.0.113.9' });
    });
  });
});
