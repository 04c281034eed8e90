import type { StepMetrics } from '@neuralrg/trainer';
import { ProgressDisplay } from './progress';

const metrics = (step: number): StepMetrics => ({
  step,
  freeEnergy: -148.5,
  freeEnergyStdErr: 0.25,
  klGap: 0.125,
  seconds: 0.5,
});

describe('ProgressDisplay', () => {
  it('writes a plain line every 5% of the steps when stderr is not a terminal', () => {
    let text = '';
    const display = new ProgressDisplay({ write: (t: string) => (text += t) }, 200);

    for (let step = 1; step <= 200; step++) display.update(metrics(step));

    const lines = text.split('\n').filter((line) => line !== '');
    expect(lines).toHaveLength(20);
    expect(lines[0]).toBe(
      'step  10/200  F_q -148.500 ± 0.250  gap 0.125 nats  0.500 s/step  ETA 1m35s',
    );
    expect(lines[19]).toMatch(/^step 200\/200 .* ETA 0\.00s$/);
    expect(text).not.toContain('\r');
  });

  it('also writes the last step when the total is not a multiple of the interval', () => {
    let text = '';
    const display = new ProgressDisplay({ write: (t: string) => (text += t) }, 7);

    for (let step = 4; step <= 7; step++) display.update(metrics(step));

    expect(text.split('\n').filter((line) => line !== '').map((line) => line.slice(0, 8)))
      .toEqual(['step 4/7', 'step 5/7', 'step 6/7', 'step 7/7']);
  });

  it('redraws one line on a terminal and ends it before other output', () => {
    let text = '';
    const sink = { isTTY: true, columns: 200, write: (t: string) => (text += t) };
    const display = new ProgressDisplay(sink, 100, 0);

    display.update(metrics(1));
    display.update(metrics(50));
    display.message('done');

    expect(text.split('\r\x1b[2K')).toHaveLength(3);
    expect(text).toContain('step  50/100  [##########..........]  F_q -148.500 ± 0.250');
    expect(text).toContain('ETA 25s');
    expect(text.endsWith('\ndone\n')).toBe(true);
  });

  it('redraws a terminal line at most every so often, and always at the last step', () => {
    let text = '';
    const sink = { isTTY: true, columns: 200, write: (t: string) => (text += t) };
    const display = new ProgressDisplay(sink, 50, 60_000);

    for (let step = 1; step <= 50; step++) display.update(metrics(step));

    expect(text.match(/step +\d+\/50/g)).toEqual(['step  1/50', 'step 50/50']);
    expect(text).toContain('step 50/50');
  });

  it('cuts the terminal line to the width of the terminal', () => {
    let text = '';
    const sink = { isTTY: true, columns: 30, write: (t: string) => (text += t) };
    const display = new ProgressDisplay(sink, 9);

    display.update(metrics(3));

    expect(text.replace('\r\x1b[2K', '')).toHaveLength(29);
  });
});
