// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { observeMutations, type MutationBatch } from '@/entrypoints/content/mutation-batcher';

/** Frames run only when the test says so. */
let frames: FrameRequestCallback[] = [];
const runFrame = () => {
  const due = frames;
  frames = [];
  for (const f of due) f(performance.now());
};
const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

let controller: AbortController;
let batches: MutationBatch[];

beforeEach(() => {
  document.body.innerHTML = '<main><p id="a">Mark Rutte spoke.</p><p id="b">Kyiv waited.</p><ul id="list"></ul></main>';
  frames = [];
  vi.spyOn(window, 'requestAnimationFrame').mockImplementation((f) => frames.push(f));
  controller = new AbortController();
  batches = [];
});

afterEach(() => {
  controller.abort();
  vi.restoreAllMocks();
});

const watch = (overflow = 50) =>
  observeMutations(document.documentElement, (batch) => batches.push(batch), { signal: controller.signal, intervalMs: () => 0, overflow });

/** Lets the observer's records arrive, the interval pass, the page's frame run, and the task after it. */
async function deliver() {
  await tick();
  await tick();
  runFrame();
  await tick();
}

describe('the page-change batcher', () => {
  it('names the blocks whose text changed', async () => {
    watch();
    (document.querySelector('#a')!.firstChild as Text).data = 'Mark Rutte left.';
    document.querySelector('#list')!.append(Object.assign(document.createElement('li'), { textContent: 'Donetsk' }));
    await deliver();
    expect(batches).toHaveLength(1);
    expect(batches[0].full).toBe(false);
    const ids = [...batches[0].owners].map((el) => el.id || el.tagName.toLowerCase());
    expect(ids).toContain('a');
    expect(ids).not.toContain('b');
  });

  it('hands a batch over only after the page has had its next frame', async () => {
    watch();
    (document.querySelector('#b')!.firstChild as Text).data = 'Kyiv spoke.';
    await tick();
    await tick();
    await tick();
    expect(batches).toHaveLength(0);
    runFrame();
    await tick();
    expect(batches).toHaveLength(1);
  });

  it('asks for one full rescan when a burst passes the overflow, and replays records again afterwards', async () => {
    watch(50);
    const list = document.querySelector('#list')!;
    for (let i = 0; i < 200; i++) list.append(Object.assign(document.createElement('li'), { textContent: `Item ${i}` }));
    await deliver();
    expect(batches).toEqual([{ owners: new Set(), full: true }]);

    (document.querySelector('#a')!.firstChild as Text).data = 'Mark Rutte returned.';
    await deliver();
    expect(batches).toHaveLength(2);
    expect(batches[1].full).toBe(false);
    expect([...batches[1].owners].map((el) => el.id)).toEqual(['a']);
  });

  it('passes the overflow across several deliveries of one batch', async () => {
    watch(50);
    const list = document.querySelector('#list')!;
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 20; i++) list.append(document.createElement('li'));
      await tick(); // each round's records reach the observer on their own
    }
    await deliver();
    expect(batches).toEqual([{ owners: new Set(), full: true }]);
  });

  it('does not report its own writes, but keeps the page changes made just before them', async () => {
    const batcher = watch();
    (document.querySelector('#b')!.firstChild as Text).data = 'Kyiv answered.';
    batcher.withoutObserving(() => {
      (document.querySelector('#a')!.firstChild as Text).data = 'our own write';
    });
    await deliver();
    expect(batches).toHaveLength(1);
    expect([...batches[0].owners].map((el) => el.id)).toEqual(['b']);
  });

  it('delivers nothing once stopped', async () => {
    watch();
    (document.querySelector('#a')!.firstChild as Text).data = 'changed';
    await tick();
    await tick();
    controller.abort();
    runFrame();
    await tick();
    (document.querySelector('#b')!.firstChild as Text).data = 'changed too';
    await deliver();
    expect(batches).toHaveLength(0);
  });
});
