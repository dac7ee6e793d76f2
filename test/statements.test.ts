/**
 * The statements stage on sentences of our own: direct quotes in any marks, split and continued
 * quotes, reported speech, "according to", "as … put it", scare quotes and titles, pronoun and title
 * speakers, and the link between a statement and the event it is.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CodedStatement } from '../src/coder/types.js';
import { code } from './helpers.js';

const statements = (text: string, published = '2024-12-05') => code(text, published).statements;

const only = (text: string): CodedStatement => {
  const s = statements(text);
  assert.equal(s.length, 1, `one statement in ${JSON.stringify(text)}: ${describe_(s)}`);
  return s[0] as CodedStatement;
};

const describe_ = (s: CodedStatement[]) =>
  s.map((x) => `${x.speakerPhrase?.text ?? '∅'} —${x.cue.text}→ ${x.content.text}`).join(' | ') || 'none';

describe('statements: direct quotes', () => {
  it('finds a quote in straight quotes with the speaker after it', () => {
    const s = only('"We will not accept this ultimatum," Lavrov said on Thursday.');
    assert.equal(s.kind, 'direct');
    assert.equal(s.speaker?.key, 'RUS');
    assert.equal(s.speaker?.person, 'Sergey Lavrov');
    assert.equal(s.cue.text, 'said');
    assert.match(s.content.text, /^We will not accept this ultimatum/);
  });

  it('reads curly quotes and guillemets, with the cue before the speaker', () => {
    const a = only('“Our troops will stay where they are,” said Sergey Lavrov.');
    assert.equal(a.speaker?.person, 'Sergey Lavrov');
    assert.equal(a.speakerPhrase?.text, 'Sergey Lavrov');
    const b = only('«Russia is ready for talks with Ukraine», said Sergey Lavrov.');
    assert.equal(b.kind, 'direct');
    assert.equal(b.content.text, 'Russia is ready for talks with Ukraine');
    assert.deepEqual(
      b.about.map((x) => x.key),
      ['UKR'],
    );
  });

  it('joins a quote split around its cue into one statement', () => {
    const s = only('“We are ready to talk,” Blinken said, “but Russia must first withdraw its troops.”');
    assert.equal(s.speaker?.person, 'Antony Blinken');
    assert.equal(s.contentParts?.length, 2);
    assert.match(s.content.text, /We are ready to talk.*….*Russia must first withdraw/);
    // The hull runs from the first part to the last; each part points into the text.
    const text = '“We are ready to talk,” Blinken said, “but Russia must first withdraw its troops.”';
    for (const [a, b] of s.contentParts ?? []) assert.ok(s.content.text.includes(text.slice(a, b)));
  });

  it('continues a quote in the next sentence and the next paragraph', () => {
    const text =
      '"Trust is gone," said Antony Blinken. "Russia must first withdraw its troops from Ukraine."\n' +
      '"Only then can we talk about security guarantees for anyone."';
    const s = only(text);
    assert.equal(s.speaker?.person, 'Antony Blinken');
    assert.equal(s.contentParts?.length, 3);
    assert.match(s.content.text, /security guarantees/);
  });

  it('takes the speaker of "X, an apposition, said" and of "X: “…”"', () => {
    const a = only('Dmitry Peskov, the Kremlin spokesman, said: "Nobody is going to attack anyone here."');
    assert.equal(a.speaker?.key, 'RUS');
    assert.match(a.speakerPhrase?.text ?? '', /^Dmitry Peskov, the Kremlin spokesman/);
    const b = only('Zelensky: "We will not give up our land, not one village of it."');
    assert.equal(b.speaker?.key, 'UKR');
    assert.equal(b.cue.text, ':');
  });
});

describe('statements: reported speech', () => {
  it('reads "X said (that) …" without quote marks', () => {
    const s = only('Russian Foreign Minister Sergey Lavrov said the West was to blame for the crisis.');
    assert.equal(s.kind, 'reported');
    assert.equal(s.speaker?.person, 'Sergey Lavrov');
    assert.equal(s.content.text, 'the West was to blame for the crisis');
    assert.deepEqual(
      s.about.map((x) => x.key),
      ['WST'],
    );
    const t = only('The Chinese foreign ministry said on Monday that Beijing would send an envoy to Kyiv.');
    assert.equal(t.speaker?.key, 'CHN');
    assert.match(t.content.text, /^Beijing would send an envoy/);
  });

  it('reads "according to" before and after the content', () => {
    const a = only('The talks will resume in Istanbul next week, according to the Russian foreign ministry.');
    assert.equal(a.cue.text, 'according to');
    assert.equal(a.speaker?.key, 'RUS');
    assert.equal(a.content.text, 'The talks will resume in Istanbul next week');
    const b = only('According to the Kremlin, the talks will resume in Istanbul next week.');
    assert.equal(b.speaker?.key, 'RUS');
    assert.equal(b.content.text, 'the talks will resume in Istanbul next week');
  });

  it('reads "as X put it" and a cue inserted in the middle of its content', () => {
    const a = only('Western sanctions have failed, as Lavrov put it.');
    assert.equal(a.speaker?.person, 'Sergey Lavrov');
    assert.equal(a.content.text, 'Western sanctions have failed');
    const b = only('The West, Lavrov said on Thursday, is to blame for the war.');
    assert.equal(b.speaker?.person, 'Sergey Lavrov');
    assert.equal(b.contentParts?.length, 2);
    assert.match(b.content.text, /^The West … is to blame for the war$/);
  });

  it('reads "X accused Y of …" as a statement that is the accusation event, linked both ways', () => {
    const a = code('Lavrov accused the West of prolonging the war in Ukraine.');
    const s = a.statements[0];
    assert.ok(s, 'a statement');
    assert.equal(s.cue.text, 'accused');
    assert.equal(s.content.text, 'the West of prolonging the war in Ukraine');
    const e = a.events.find((x) => x.root === '11' && x.target?.key === 'WST');
    assert.ok(e, 'the accusation is an event');
    assert.deepEqual(s.events, [e.id]);
    assert.equal(e.statement, s.id);
    assert.equal(e.source.key, s.speaker?.key);
  });

  it('links demands, appeals and praise to their events; a demanded apology is not said', () => {
    for (const [text, root] of [
      ['China demanded that Japan apologise for the incident.', '10'],
      ['Zelensky appealed to the European Union for more air defence systems.', '02'],
      ['Putin praised Xi Jinping for his leadership.', '05'],
    ] as const) {
      const a = code(text);
      assert.equal(a.statements.length, 1, `${text}: ${describe_(a.statements)}`);
      const s = a.statements[0] as CodedStatement;
      const e = a.events.find((x) => x.root === root);
      assert.ok(e, `${text}: an event of root ${root}`);
      assert.deepEqual(s.events, [e.id], text);
      assert.equal(e.statement, s.id, text);
      assert.equal(e.source.key, s.speaker?.key, text);
    }
  });

  it('marks an event reported in the words as said in the statement, without making it the statement', () => {
    const a = code(
      'Lavrov said that the Ukrainian army had attacked Russia and that the West was to blame for the war.',
    );
    const s = a.statements[0];
    const e = a.events.find((x) => x.source.key === 'UKR' && x.target?.key === 'RUS');
    assert.ok(s && e, `${describe_(a.statements)}; ${a.events.length} events`);
    assert.equal(e.statement, s.id);
    assert.deepEqual(s.events, []);
  });

  it('links warnings to their events', () => {
    const a = code('Iran warned Israel that it would respond to any attack on its territory.');
    const s = a.statements[0];
    const e = a.events.find((x) => x.source.key === 'IRN' && x.target?.key === 'ISR');
    assert.ok(s && e, `${a.statements.length} statements, ${a.events.length} events`);
    assert.ok(s.events.includes(e.id));
    assert.equal(e.statement, s.id);
  });
});

describe('statements: speakers', () => {
  it('resolves "he" and "the minister" to the last person named', () => {
    const a = statements(
      'Sergey Lavrov arrived in Malta on Thursday. He said the West was afraid of dialogue.',
    );
    assert.equal(a.length, 1);
    assert.equal(a[0]?.speakerPhrase?.text, 'He');
    assert.equal(a[0]?.speaker?.person, 'Sergey Lavrov');
    const b = statements(
      'Russian Foreign Minister Sergey Lavrov arrived in Malta. The minister said Russia would not back down.',
    );
    assert.equal(b[0]?.speaker?.person, 'Sergey Lavrov');
  });

  it('gives a quote after an unknown expert to the expert, and "he" in the next quote too', () => {
    const text =
      'Michael Kofman, a US military analyst, said the offensive had stalled. ' +
      '"The Russian army cannot sustain this pace for long," he added.';
    const s = statements(text);
    assert.equal(s.length, 2, describe_(s));
    assert.equal(s[0]?.speaker?.key, 'USA');
    assert.equal(s[0]?.speaker?.name, 'Michael Kofman');
    assert.equal(s[1]?.speakerPhrase?.text, 'he');
    assert.equal(s[1]?.speaker?.name, 'Michael Kofman');
  });

  it('takes "a UN spokesman" and "a spokesman for the Kremlin" as the UN and Russia', () => {
    assert.equal(only('A UN spokesman said the convoy had reached northern Gaza.').speaker?.key, 'UN');
    assert.equal(only('A spokesman for the Kremlin said the talks would continue.').speaker?.key, 'RUS');
  });

  it('gives "released a statement saying" to the author of the statement', () => {
    const s = only('Sergey Lavrov released a statement saying Russia would not attend the summit.');
    assert.equal(s.speaker?.person, 'Sergey Lavrov');
    assert.equal(s.cue.text, 'released a statement saying');
    assert.equal(s.content.text, 'Russia would not attend the summit');
  });

  it('does not take where a speaker works, or a namesake, for the side they speak for', () => {
    const s = only(
      '"The slowdown is part of the deal," said Kevin Lai, an economist at a bank in Hong Kong.',
    );
    assert.equal(s.speaker, null);
    assert.match(s.speakerPhrase?.text ?? '', /^Kevin Lai/);
  });

  it('reads the turns of an interview transcript', () => {
    const text =
      'Editor: What do you expect from the talks in Istanbul?\n' +
      'Dr. Jane Roe: The talks will fail because nobody trusts anyone.\n' +
      'Editor: Why is that so?\n' +
      'Dr. Jane Roe: Because both sides want different things, as she said herself.';
    const s = statements(text);
    assert.deepEqual(
      s.map((x) => `${x.speakerPhrase?.text}: ${x.kind}`),
      ['Editor: direct', 'Dr. Jane Roe: direct', 'Editor: direct', 'Dr. Jane Roe: direct'],
    );
    assert.match(s[3]?.content.text ?? '', /^Because both sides want different things/);
  });

  it('keeps the words of a speaker no dictionary knows', () => {
    const s = only(
      '"It remains to be seen whether these are real negotiations," said Jane Doe of the Atlantic Council.',
    );
    assert.equal(s.kind, 'direct');
    assert.match(s.speakerPhrase?.text ?? '', /^Jane Doe/);
  });
});

describe('statements: what is not a statement', () => {
  it('ignores scare quotes, titles and quoted terms', () => {
    assert.deepEqual(statements('The so-called "peace plan" was discussed in Geneva.'), []);
    assert.deepEqual(
      statements('Biden wrote the book "Promises to Keep: On Life and Politics" in 2007.'),
      [],
    );
    assert.deepEqual(
      statements('The term “diplomatic normalization” refers to countries setting aside their differences.'),
      [],
    );
  });

  it('ignores verbs of saying in other senses', () => {
    assert.deepEqual(statements('Mattel recalled 1.5 million toys made in China last year.'), []);
    assert.deepEqual(statements('The Russian economy added 156,000 jobs in September.'), []);
    assert.deepEqual(statements('Russia agreed to pay Ukraine for the transit of gas.'), []);
  });

  it('ignores headings, nouns that govern an infinitive and idioms', () => {
    assert.deepEqual(statements('Expert Insights: The Challenges Ahead'), []);
    assert.deepEqual(statements("The West's failure to recognise Russia's mindset is striking."), []);
    assert.deepEqual(statements('Russian troops on the border are showing no sign of leaving.'), []);
  });

  it('is deterministic', () => {
    const text = '"We will win," Zelensky said. Lavrov accused the West of lying.';
    assert.deepEqual(code(text).statements, code(text).statements);
  });
});
