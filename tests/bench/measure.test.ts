import { describe, expect, it } from 'vitest';
import { firstViewTransfers, type Transfer } from './measure.ts';

const file = (path: string, kind: Transfer['kind'] = 'data'): Transfer => ({ path, kind, transfer: 100, raw: 100, gzip: 50 });

describe('the first view’s files', () => {
  it('leaves out the files the page first asked for after its first idle, never the page itself', () => {
    const all = [file('/', 'html'), file('/data/a.json'), file('/data/deck.json'), file('/assets/x.js', 'js')];
    expect(firstViewTransfers(all, new Set(['/data/deck.json', '/'])).map((t) => t.path)).toEqual(['/', '/data/a.json', '/assets/x.js']);
    expect(firstViewTransfers(all, new Set())).toEqual(all);
  });
});
