import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { goldKey, ploverGsrType, prf, scoreItem, type PredictedTriple } from '../src/eval/score.js';

const p = (
  s: string,
  t: string | null,
  event: string,
  kind: 'country' | 'igo' | 'group' = 'country',
  country: string | null = null,
): PredictedTriple => ({
  source: { key: s, country, kind },
  target: t ? { key: t, country: null, kind: 'country' } : null,
  event,
  cameo: '',
  text: '',
});

describe('eval scoring', () => {
  it('reads gold actor codes as keys', () => {
    assert.equal(goldKey('USAGOV'), 'USA');
    assert.equal(goldKey('IGOUNO'), 'UN');
    assert.equal(goldKey('IGOEUREEC'), 'EU');
    assert.equal(goldKey('IGO'), '*IGO');
    assert.equal(goldKey('JAP'), 'JPN');
    assert.equal(goldKey('---LEG'), '?');
  });

  it('maps CAMEO codes onto the PLOVER types of the GSR', () => {
    assert.equal(ploverGsrType('112'), 'DISAPPROVE');
    assert.equal(ploverGsrType('0871'), 'RETREAT');
    assert.equal(ploverGsrType('081'), 'CONCEDE');
    // The GSR codes signed treaties as SUPPORT, as CAMEO's 057 sits under root 05.
    assert.equal(ploverGsrType('057'), 'SUPPORT');
    assert.equal(ploverGsrType('010'), null);
  });

  it('matches one prediction per gold triple, a missing gold target matching any target', () => {
    const item = {
      id: 'x',
      text: '',
      published: '2020-01-01',
      events: [
        { sources: ['USAGOV'], targets: ['RUS'], event: '112' },
        { sources: ['IGO'], targets: [], event: '042' },
      ],
    };
    const r = scoreItem(
      item,
      [p('USA', 'RUS', '11'), p('USA', 'RUS', '11'), p('UN', 'IRN', '04', 'igo'), p('RUS', 'USA', '11')],
      'root',
    );
    assert.equal(r.matched.length, 2);
    assert.equal(r.misses.length, 0);
    assert.equal(r.falseAlarms.length, 2);
  });

  it('lets a group match the state older gold codes it by', () => {
    const item = {
      id: 'y',
      text: '',
      published: '2020-01-01',
      events: [{ sources: ['PSEREBHMS'], targets: ['ISR'], event: '190' }],
    };
    assert.equal(scoreItem(item, [p('HAMAS', 'ISR', '19', 'group', 'PSE')], 'root').matched.length, 1);
  });

  it('computes precision, recall and F1', () => {
    const s = prf({ tp: 3, fp: 1, fn: 3 });
    assert.equal(s.precision, 0.75);
    assert.equal(s.recall, 0.5);
    assert.equal(Math.round(s.f1 * 1000), 600);
  });
});
