/** One live line while the attack runs (a plain line per step when stdout is not a terminal). */
export function progressLine(total: number, alertCount: () => number) {
  const live = process.stdout.isTTY === true;
  let done = 0;
  let step = '';
  const draw = () => {
    const width = 28;
    const filled = Math.round((done / total) * width);
    const bar = '#'.repeat(filled) + '.'.repeat(width - filled);
    process.stdout.write(`\r\x1b[2K  [${bar}] ${String(done).padStart(3)}/${total} requests  alerts ${alertCount()}  ${step}`);
  };
  return {
    step(name: string) {
      step = name;
      if (live) draw();
      else console.log(`  … ${name}`);
    },
    tick() {
      done++;
      if (live) draw();
    },
    end() {
      if (live) process.stdout.write('\r\x1b[2K');
    },
  };
}
