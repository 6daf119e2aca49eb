import { describe, expect, it } from 'vitest';
import { ContentCache } from './content-cache.ts';

const live = () => {
  const cache = new ContentCache();
  for (const channel of ['content_changed', 'catalog_changed']) cache.channel(channel).setLive(true);
  return cache;
};
const noneDue = async () => undefined;

describe('editorial answers kept in memory', () => {
  it('a catalogue change drops what shows pieces (pages, documents) and keeps the lists and slots', async () => {
    const cache = live();
    let computed = 0;
    const compute = (value: string) => async () => (computed++, value);
    await cache.get('list:public:{}', 0, noneDue, compute('list'));
    await cache.get('slots:public', 0, noneDue, compute('slots'));
    await cache.get('page:public:the-quiet-season', 0, noneDue, compute('page'), { showsPieces: true });
    cache.keepDocument('/journal/the-quiet-season', { html: 'page' }, cache.documentEpoch, 0);
    expect(computed).toBe(3);

    cache.catalogChanged();
    expect(await cache.get('list:public:{}', 1, noneDue, compute('list again'))).toBe('list');
    expect(await cache.get('slots:public', 1, noneDue, compute('slots again'))).toBe('slots');
    expect(await cache.get('page:public:the-quiet-season', 1, noneDue, compute('page again'), { showsPieces: true })).toBe('page again');
    expect(cache.document('/journal/the-quiet-season', 1)).toBeUndefined();
  });

  it('a content change drops everything', async () => {
    const cache = live();
    await cache.get('list:public:{}', 0, noneDue, async () => 'list');
    cache.channel('content_changed').clear();
    expect(await cache.get('list:public:{}', 1, noneDue, async () => 'fresh')).toBe('fresh');
  });

  it('keeps nothing while either channel is not heard', async () => {
    const cache = live();
    cache.channel('catalog_changed').setLive(false);
    await cache.get('list:public:{}', 0, noneDue, async () => 'list');
    expect(await cache.get('list:public:{}', 1, noneDue, async () => 'fresh')).toBe('fresh');
  });

  it('peeks at a kept answer only when get would answer it without a read', async () => {
    const cache = live();
    // Nothing known yet about scheduled pieces: get must read first.
    expect(cache.peek('list:public:{}', 0)).toBeUndefined();
    await cache.get(
      'list:public:{}',
      0,
      async () => 1_000,
      async () => 'list',
    );
    expect(cache.peek('list:public:{}', 999)).toBe('list');
    expect(cache.peek('list:public:{"view":"full"}', 999)).toBeUndefined();
    // The scheduled piece's minute has come: the kept list is not offered (get then drops it and reads).
    expect(cache.peek('list:public:{}', 1_000)).toBeUndefined();
    expect(await cache.get('list:public:{}', 1_000, noneDue, async () => 'with the new piece')).toBe('with the new piece');
    // Dropping everything forgot the next minute too: the next get reads it, and from then on the list is offered.
    expect(cache.peek('list:public:{}', 1_001)).toBeUndefined();
    expect(await cache.get('list:public:{}', 1_001, noneDue, async () => 'not read')).toBe('with the new piece');
    expect(cache.peek('list:public:{}', 1_001)).toBe('with the new piece');
    cache.channel('content_changed').clear();
    expect(cache.peek('list:public:{}', 1_002)).toBeUndefined();
    await cache.get('list:public:{}', 1_003, noneDue, async () => 'again');
    cache.channel('catalog_changed').setLive(false);
    expect(cache.peek('list:public:{}', 1_004)).toBeUndefined();
  });
});
