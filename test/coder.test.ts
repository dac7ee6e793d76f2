import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { code, triples } from './helpers.js';

const roots = (text: string, published?: string) =>
  code(text, published).events.map((e) => `${e.source.key} ${e.root} ${e.target?.key ?? '-'}`);

describe('coder: actors', () => {
  it('resolves a person to the state and sector of the office held on the article date', () => {
    const [e] = code('Antony Blinken criticized Russia on Tuesday.', '2023-03-01').events;
    assert.equal(e?.source.key, 'USA');
    assert.equal(e?.source.code, 'USAGOV');
    assert.equal(e?.source.person, 'Antony Blinken');
    assert.equal(e?.target?.key, 'RUS');
  });

  it('gives one person different roles at different dates', () => {
    const before = code('Marco Rubio criticized China.', '2019-06-01').events[0];
    const after = code('Marco Rubio criticized China.', '2025-06-01').events[0];
    assert.equal(after?.source.code, 'USAGOV');
    assert.notEqual(before?.source.code, 'USAGOV');
  });

  it('tells apart the same surname in two states, by date and by the phrase', () => {
    assert.equal(code('Khan criticized India.', '2020-06-01').events[0]?.source.key, 'PAK');
    assert.equal(code('Khan criticized Russia.', '2023-03-20').events[0]?.source.key, 'ICC');
    const taiwan = code("Taiwan's foreign minister Lin criticized China.", '2025-01-10').events[0];
    assert.equal(taiwan?.source.key, 'TWN');
    const china = code('Chinese foreign ministry spokesman Lin criticized Taiwan.', '2025-01-10').events[0];
    assert.equal(china?.source.key, 'CHN');
  });

  it('reads appositions and role phrases', () => {
    const e = code("Sergey Lavrov, Russia's foreign minister, accused the West of hypocrisy.").events[0];
    assert.equal(e?.source.key, 'RUS');
    assert.equal(e?.target?.key, 'WST');
    assert.equal(e?.cameo.slice(0, 2), '11');
    const r = code("Russia's foreign minister accused Ukraine of provocations.").events[0];
    assert.equal(r?.source.code, 'RUSGOV');
  });

  it('follows surnames, titles and pronouns back to the person first named', () => {
    const text =
      'Ukrainian Foreign Minister Dmytro Kuleba met Chinese officials in Guangzhou on Wednesday. ' +
      'Kuleba later criticized Russia. He also urged China to help end the war.';
    const got = roots(text, '2024-07-25');
    assert.ok(got.includes('UKR 11 RUS'), got.join('; '));
    assert.ok(got.includes('UKR 02 CHN'), got.join('; '));
  });

  it('codes compound actors as one event per pair', () => {
    const got = roots('The United States and the European Union condemned Iran.');
    assert.ok(got.includes('USA 11 IRN') && got.includes('EU 11 IRN'), got.join('; '));
  });

  it('resolves metonyms such as the Kremlin', () => {
    const e = code('The Kremlin accused Washington of meddling.').events[0];
    assert.equal(e?.source.code, 'RUSGOV');
    assert.equal(e?.target?.key, 'USA');
  });
});

describe('coder: events', () => {
  it('codes the agent of a passive as the source', () => {
    const got = roots('New sanctions were imposed on Iran by the European Union on Monday.');
    assert.ok(got.includes('EU 16 IRN'), got.join('; '));
  });

  it('marks negated events', () => {
    const e = code('Blinken did not meet Lavrov in Malta.').events[0];
    assert.equal(e?.negated, true);
  });

  it('codes future and intended actions as intentions (03x), not as the action', () => {
    const [e] = code('Putin will visit China next month.', '2024-04-10').events;
    assert.equal(e?.root, '03');
    assert.equal(e?.modality, 'intended');
    assert.ok(['036', '030'].includes(e?.cameo ?? ''), e?.cameo);
  });

  it('codes nothing for hypotheticals', () => {
    assert.deepEqual(triples('If talks fail, the European Union could impose sanctions on Russia.'), []);
  });

  it('codes nominal events', () => {
    const got = roots('Talks between Russia and Ukraine resumed in Istanbul on Friday.');
    assert.ok(got.includes('RUS 04 UKR') && got.includes('UKR 04 RUS'), got.join('; '));
  });

  it('codes nothing for sentences without political actors or actions', () => {
    assert.deepEqual(
      triples('The weather in the capital was mild for the season, with light rain expected.'),
      [],
    );
  });
});

describe('coder: conventions of CAMEO coding', () => {
  it('reads a conditional future harm as a threat and a declined cooperation as a rejection', () => {
    const threat = code(
      'Nigeria will withdraw its peacekeepers from Chad unless the rebels agree to a ceasefire.',
    ).events;
    assert.ok(
      threat.some((e) => e.source.key === 'NGA' && e.root === '13' && e.target?.key === 'TCD'),
      JSON.stringify(threat.map((e) => e.cameo)),
    );
    const reject = code('Syria said it will not accept any more refugees from Iraq.').events;
    assert.ok(
      reject.some((e) => e.source.key === 'SYR' && e.root === '12'),
      JSON.stringify(reject.map((e) => e.cameo)),
    );
  });

  it("aims a denial of allegations at whoever made them, and reads expelling an IGO's staff as 166", () => {
    const got = roots(
      'Ukrainian officials accused Russian troops of killing civilians, and Moscow denied the allegations.',
      '2022-04-03',
    );
    assert.ok(got.includes('RUS 01 UKR'), got.join('; '));
    const [e] = code('Ethiopia expelled seven senior UN officials.', '2021-09-30').events;
    assert.equal(e?.cameo, '166');
    assert.equal(code('Hungary expelled two Ukrainian citizens.').events[0]?.cameo, '174');
  });

  it('targets the author of the event a reaction refers to', () => {
    const got = roots('North Korea test-fired a ballistic missile, and Japan condemned the launch.');
    assert.ok(got.includes('JPN 11 PRK'), got.join('; '));
  });

  it('places a crowd in the state where it marches and sets a domestic protest against its government', () => {
    const [e] = code('Tens of thousands of protesters marched through Minsk on Sunday.', '2020-08-20').events;
    assert.equal(e?.source.code, 'BLRCVL');
    assert.equal(e?.root, '14');
    assert.equal(e?.target?.code, 'BLRGOV');
  });

  it('places "people" and "ethnic Albanians" by where they march, not by a demonym', () => {
    assert.ok(
      roots('Thousands of people marched in Paris against the pension reform.', '2023-03-10').includes(
        'FRA 14 FRA',
      ),
    );
    assert.ok(roots('Up to 100 ethnic Albanians demonstrated on Tuesday in Serbia.').includes('SRB 14 SRB'));
    assert.ok(
      !roots('Up to 100 ethnic Albanians demonstrated on Tuesday in Serbia.').some((t) =>
        t.startsWith('ALB'),
      ),
    );
  });

  it('reads emergency rule as over the declaring state, and a seized ship as no person', () => {
    assert.ok(
      roots(
        'South Korean President Yoon Suk Yeol declared martial law late on Tuesday.',
        '2024-12-03',
      ).includes('KOR 17 KOR'),
    );
    const ship = roots("Yemen's Houthis seized a cargo ship in the Red Sea.", '2023-11-19');
    assert.ok(!ship.some((t) => t.endsWith('YEM')), ship.join('; '));
  });

  it('reads refugees arriving somewhere as no visit', () => {
    assert.deepEqual(
      roots(
        'Sudanese refugees are still arriving in eastern Chad at a rate of hundreds a day.',
        '2024-04-15',
      ),
      [],
    );
  });

  it('aims an arrest of an unknown person at home at the arresting state', () => {
    assert.ok(
      roots('Russian police detained Navalny at a Moscow airport.', '2021-01-17').includes('RUS 17 RUS'),
    );
    assert.ok(roots('Turkish police arrested a Swedish journalist.').includes('TUR 17 SWE'));
  });

  it('codes what a government does at home against its own country, but not what a crowd does there', () => {
    assert.ok(
      roots('President Omar al-Bashir lifted the curfew in Khartoum.', '2000-01-01').includes('SDN 08 SDN'),
    );
    assert.ok(roots('Turkish authorities imposed a curfew in Cizre.').includes('TUR 17 TUR'));
    assert.ok(
      roots('Thousands of students rallied in Jakarta, demanding that he resign.').every(
        (t) => !t.includes(' 08 '),
      ),
    );
  });

  it('reads "is opposed to" as the subject\'s stance and a refusal under a condition as a refusal', () => {
    assert.ok(
      roots('Israel is opposed to French mediation in peace negotiations with Syria.').includes('ISR 12 FRA'),
    );
    const got = roots('Syria said it will not accept any more refugees if war starts in Iraq.', '2003-01-01');
    assert.ok(
      got.some((t) => t.startsWith('SYR 12')),
      got.join('; '),
    );
  });

  it('reads a threat to act as the threat, also when a date or an object comes between', () => {
    const got = roots('The Azerbaijani parliament threatened on Monday to break relations with Russia.');
    assert.ok(got.includes('AZE 13 RUS'), got.join('; '));
    assert.ok(!got.some((t) => t.includes(' 16 ')), got.join('; '));
    const ultimatum = roots('Peru has issued an ultimatum to Ecuador to halt attacks across the border.');
    assert.deepEqual(ultimatum, ['PER 13 ECU']);
  });

  it('takes the subject of a demanded "that"-clause as the target, also after a day name', () => {
    const got = roots(
      "Palestinian officials demanded Friday that the United States match the EU's support.",
      '2000-01-01',
    );
    assert.ok(got.includes('PSE 10 USA'), got.join('; '));
  });

  it('codes no event for what one party demands of another, or says it must do', () => {
    const got = roots('Washington demanded that Hamas renounce its armed struggle against Israel.');
    assert.ok(!got.some((t) => t.startsWith('HAMAS')), got.join('; '));
    const must = roots(
      'Mubarak said that the US must be ready to mediate between Israelis and Palestinians.',
      '2000-06-01',
    );
    assert.ok(!must.some((t) => t.startsWith('USA 03')), must.join('; '));
  });

  it('reads what marchers demand as their protest, not as a second event', () => {
    const got = roots(
      'Tens of thousands of protesters marched through Minsk demanding the resignation of Lukashenko.',
      '2020-08-20',
    );
    assert.ok(
      got.some((t) => t.startsWith('BLR 14')),
      got.join('; '),
    );
    assert.ok(!got.some((t) => t.startsWith('BLR 10') || t.startsWith('BLR 02')), got.join('; '));
  });

  it('does not read a verb\'s object from a later clause ("after a state of siege was declared")', () => {
    const got = roots(
      'A French minister has cancelled a planned visit to Haiti after a state of siege was declared.',
    );
    assert.ok(got.includes('FRA 16 HTI'), got.join('; '));
    assert.ok(!got.some((t) => t.includes(' 08 ')), got.join('; '));
  });

  it('reads a base verb the tagger took for an adjective after a modal ("will free")', () => {
    const [e] = code('Israel will free 150 Palestinian prisoners.').events;
    assert.equal(e?.source.key, 'ISR');
    assert.equal(e?.target?.key, 'PSE');
    assert.equal(e?.root, '03');
  });

  it('takes the body a person is a member of as the subject when the name is unknown', () => {
    const got = roots(
      'Mohammed Mamoun, a member of the Syrian parliament, started a hunger strike.',
      '2005-01-01',
    );
    assert.ok(got.includes('SYR 14 SYR'), got.join('; '));
  });

  it('reads "accusing it of" as an accusation of the body last named', () => {
    const got = roots(
      'Trump halted funding for the World Health Organization, accusing it of mismanaging the pandemic.',
      '2020-04-15',
    );
    assert.ok(got.includes('USA 11 WHO'), got.join('; '));
  });

  it('reads "troops fighting in Ukraine" as a description, and "drills around Taiwan" as aimed at Taiwan', () => {
    const got = roots(
      'Putin ordered the call-up of reservists to reinforce Russian troops fighting in Ukraine.',
      '2022-09-21',
    );
    assert.ok(!got.some((t) => t.includes(' 19 ')), got.join('; '));
    assert.ok(
      roots("Washington deployed warships off Venezuela's coast.", '2025-08-20').includes('USA 15 VEN'),
    );
  });

  it('reads a participle before its noun as a description ("29 jailed cartel figures")', () => {
    const got = roots('Mexico sent 29 jailed drug cartel figures to the United States.', '2025-02-27');
    assert.ok(!got.some((t) => t.includes(' 17 ')), got.join('; '));
  });

  it('finds the subject of an "as" clause right before its verb', () => {
    const [e] = code(
      'Hasina fled as protesters stormed her official residence in Dhaka.',
      '2024-08-05',
    ).events;
    assert.equal(e?.source.sector, 'CVL');
  });

  it('reads parties acting together in a named place as acting towards each other', () => {
    const got = roots(
      'Chinese and Russian warships began joint naval exercises in the Sea of Japan.',
      '2023-07-20',
    );
    assert.deepEqual(got.sort(), ['CHN 06 RUS', 'RUS 06 CHN']);
  });

  it('reads leaving an international body as cutting ties, and a retreat as aimed at the place it leaves', () => {
    const got = roots(
      'Mali, Burkina Faso and Niger announced they were withdrawing from ECOWAS.',
      '2024-01-28',
    );
    assert.ok(got.includes('MLI 16 ECOWAS'), got.join('; '));
    assert.ok(!got.some((t) => t.includes(' 08 ')), got.join('; '));
    assert.ok(roots('Russian troops withdrew from Kherson.', '2022-11-11').includes('RUS 08 UKR'));
  });

  it('aims a vow to retaliate at every party to the act it answers, never at the avenger itself', () => {
    const got = roots(
      'US and British warships struck Houthi targets across Yemen, and the group vowed to retaliate.',
      '2024-01-12',
    );
    assert.ok(got.includes('HOUTHIS 13 USA') && got.includes('HOUTHIS 13 GBR'), got.join('; '));
    const pak = roots('India struck nine sites in Pakistan, and Pakistan vowed to retaliate.', '2025-05-07');
    assert.ok(pak.includes('PAK 13 IND') && !pak.includes('PAK 13 PAK'), pak.join('; '));
  });

  it('codes what one party wants another to do as its appeal, not as the act it wants', () => {
    assert.deepEqual(roots('Obama wants Putin to attack Switzerland.', '2012-01-01'), ['USA 02 RUS']);
    assert.ok(roots('Washington asked Israel to halt strikes on Lebanon.').includes('USA 02 ISR'));
  });

  it('aims an investigation at the state where it is opened, and reads "was put under investigation" as passive', () => {
    assert.ok(
      roots('The ICC opened an investigation into alleged war crimes in Ukraine.', '2022-03-03').includes(
        'ICC 09 UKR',
      ),
    );
    const put = roots('A US national has been put under investigation in Italy for her role in rioting.');
    assert.ok(!put.some((t) => t.startsWith('USA')), put.join('; '));
  });

  it('aims a threat at whoever must meet its condition', () => {
    const got = roots(
      'Russia threatened to stop negotiations if the United States goes ahead with the deployment.',
    );
    assert.ok(got.includes('RUS 13 USA'), got.join('; '));
  });

  it('reads a person holding a state office and a party post at once as the state', () => {
    const [e] = code('Yasser Arafat rejected a US offer to host a summit.', '2000-06-01').events;
    assert.equal(e?.source.key, 'PSE');
    assert.equal(e?.source.sector, 'GOV');
  });

  it('trusts a title before a surname out of office, and finds the subject of a purpose infinitive past "and"', () => {
    assert.ok(
      roots('Moroccan diplomats held their first meeting with President Obama.', '2000-01-01').includes(
        'MAR 04 USA',
      ),
    );
    const got = roots(
      'Gambian President Dawda Jawara will visit Mauritania and Senegal to mediate in their border dispute.',
      '1989-01-01',
    );
    assert.ok(!got.some((t) => t.startsWith('MRT') || t.startsWith('SEN')), got.join('; '));
  });

  it('reads a named person out of office as the state they served, the nearest namesake first', () => {
    // On 2000-01-01 neither President Bush was in office; both served the United States.
    const got = roots('President Bush threatened further action against Russia.', '2000-01-01');
    assert.ok(got.includes('USA 13 RUS'), got.join('; '));
  });

  it('reads "said on Tuesday that Sudan must return" as a demand on Sudan', () => {
    assert.ok(
      roots('Russia said on Tuesday that Sudan must return a Mi-26 helicopter.').includes('RUS 10 SDN'),
    );
    assert.ok(
      roots(
        'Liz Truss told Lavrov at talks in Moscow that Russia must withdraw its troops.',
        '2022-02-10',
      ).includes('GBR 10 RUS'),
    );
  });

  it('does not take a place before "that" as the subject of a relative clause', () => {
    const got = roots(
      'Islamic State claimed an attack on a concert hall near Moscow that killed 130 people.',
    );
    assert.ok(!got.some((t) => t.startsWith('RUS')), got.join('; '));
  });

  it('takes up "the group" as the last armed group named', () => {
    const got = roots(
      'US warships struck Houthi targets in Yemen, and the group vowed to retaliate against the United States.',
    );
    assert.ok(
      got.some((t) => t.startsWith('HOUTHIS 13 USA')),
      got.join('; '),
    );
  });

  it('codes no event for words that only look like acts or places in business and market news', () => {
    const none = [
      'U.S. crude prices slipped on signs that OPEC will refrain from supply cuts when it meets in March.',
      'Bank of America could not be immediately reached for comment on the Journal report.',
      "India's HMEL has emerged as a new oil client of sanctions-hit Iran.",
      'Poland still meets the Maastricht public debt requirement of below 60 percent of GDP.',
      'Ireland is likely to end up taking a loan from the European Union and International Monetary Fund.',
      'Jeroen Dijsselbloem is likely to be named chairman of euro zone finance ministers, taking over a key role.',
    ];
    for (const text of none) assert.deepEqual(triples(text, '2012-01-01'), [], text);
  });

  it('does not read a known surname followed by another name as that person ("spokeswoman Jean Medina")', () => {
    assert.deepEqual(triples('UAL spokeswoman Jean Medina declined to comment.', '2010-04-01'), []);
  });

  it('codes no event for a noun cited as background', () => {
    assert.deepEqual(
      triples('Prices have risen since the Russian invasion of Ukraine, economists said.'),
      [],
    );
  });

  it('reads "received X from Y" as what Y gave, did or promised to the subject', () => {
    assert.ok(roots('Ukraine received F-16 fighter jets from Denmark on Monday.').includes('DNK 07 UKR'));
    assert.ok(
      roots('Pakistan received a loan tranche from the International Monetary Fund.').includes('IMF 07 PAK'),
    );
    assert.ok(
      roots('Putin received a phone call from Erdogan on Tuesday.', '2024-01-01').includes('TUR 04 RUS'),
    );
    // A host receiving a visitor stays the host's act.
    assert.ok(
      roots('Erdogan received a delegation from Hamas in Ankara.', '2024-01-01').includes('TUR 04 HAMAS'),
    );
  });

  it('takes the actor named on the act of force a passive happened in as its agent ("killed in Israeli shelling")', () => {
    assert.ok(
      roots('Three civilians were killed in a Russian air strike on Kharkiv.').includes('RUS 19 UKR'),
    );
    assert.ok(
      roots('Four children were killed in Israeli tank shelling in the east of the Gaza Strip.').includes(
        'ISR 19 PSE',
      ),
    );
    // The agent's own name is not the place.
    assert.deepEqual(triples('Four children were killed in Israeli shelling.'), []);
  });

  it('codes a meeting both ways, and a hosted leader as the visitor', () => {
    const met = roots(
      'Indian Prime Minister Narendra Modi met Chinese President Xi Jinping on Sunday.',
      '2025-08-31',
    );
    assert.ok(met.includes('IND 04 CHN') && met.includes('CHN 04 IND'), met.join('; '));
    const hosted = roots('Trump hosted Azerbaijani President Ilham Aliyev at the White House.', '2025-08-08');
    assert.ok(hosted.includes('USA 04 AZE') && hosted.includes('AZE 04 USA'), hosted.join('; '));
  });

  it('reads no surname into a sentence\'s first word when it is a function word ("No one…")', () => {
    // "No" is the surname of North Korea's defence minister No Kwang Chol.
    assert.deepEqual(roots('No one met Lavrov in Geneva.', '2025-06-01'), []);
    assert.ok(roots('Lavrov met No Kwang Chol in Pyongyang.', '2025-06-01').includes('RUS 04 PRK'));
  });

  it('does not carry "he" back past a person the dictionary does not know', () => {
    const got = roots(
      "Sergei Lavrov met John Kerry in Sochi. Greece's opposition leader, Panos Kammenos, said he condemned Turkey.",
      '2015-05-01',
    );
    assert.ok(!got.includes('USA 11 TUR') && got.includes('GRC 11 TUR'), got.join('; '));
    // A place is no person.
    const place = roots(
      'Sergei Lavrov met John Kerry in Sochi. In New York, he criticized Turkey.',
      '2015-05-01',
    );
    assert.ok(place.includes('USA 11 TUR'), place.join('; '));
  });

  it('reads a word in capitals among words that are not as an acronym, not a verb ("NAB Research")', () => {
    // "nab" is a verb of arrest (173).
    const got = roots('Analyst Nancy Bush at NAB Research said the deal would go ahead.', '2008-09-01');
    assert.ok(!got.some((r) => r.includes(' 17 ')), got.join('; '));
  });

  it('reads a known surname after another given name as a namesake ("analyst Nancy Bush")', () => {
    assert.deepEqual(roots('Analyst Nancy Bush criticized Iran.', '2008-09-01'), []);
    assert.deepEqual(roots('Laura Bush criticized Iran.', '2008-09-01'), []);
    // Honorifics and spellings of the known person's own given name still name him.
    for (const text of ['Mr Bush criticized Iran.', 'Mr. Bush criticized Iran.'])
      assert.ok(roots(text, '2008-09-01').includes('USA 11 IRN'), text);
    assert.ok(roots('Sergey Lavrov criticized Iran.', '2008-09-01').includes('RUS 11 IRN'));
    // Later in the article the bare surname is still the namesake; a title names the known person.
    const later =
      'Analyst Nancy Bush said that she had doubts. Bush said that she condemned the government of Iran.';
    assert.deepEqual(roots(later, '2008-09-01'), []);
    const titled =
      'Laura Bush said that she visited Kabul. President Bush said that he criticized Iran for its nuclear program.';
    assert.ok(roots(titled, '2008-09-01').includes('USA 11 IRN'));
  });

  it('reads organising talks with the opposition as talks, not as rallying opposition (113)', () => {
    const got = roots(
      'Earlier this year Russia organised talks with Syrian opposition groups in Astana, Kazakhstan.',
      '2017-05-01',
    );
    assert.ok(!got.includes('RUS 11 SYR') && got.includes('RUS 04 SYR'), got.join('; '));
  });

  it("looks no further back for a subject when an actor only qualifies the subject's head noun", () => {
    const got = roots(
      "Estonia summoned Russia's envoy after three Russian MiG-31 fighter jets entered its airspace.",
      '2025-09-19',
    );
    assert.ok(!got.some((r) => r.startsWith('EST 15')) && got.includes('EST 11 RUS'), got.join('; '));
  });

  it('reads no event from a subheading in capitals run into its paragraph', () => {
    const got = roots(
      'NO ECB HELP Spain has been hoping the euro zone central bank will come to its rescue.',
      '2012-06-01',
    );
    assert.ok(!got.some((r) => r.includes(' 07 ')), got.join('; '));
    // A sentence's own acronyms are kept.
    assert.ok(roots('EU foreign ministers imposed sanctions on Russia.', '2014-07-01').includes('EU 16 RUS'));
  });

  it("looks for a verb's object only after it, not past a comma that follows it", () => {
    const got = roots(
      '"We are working to find a solution," the Ivorian minister added, blaming the EU sanctions for the disruptions.',
      '2012-02-01',
    );
    assert.ok(!got.includes('CIV 16 EU'), got.join('; '));
    assert.ok(roots('The EU added sanctions on Ivory Coast.', '2012-02-01').includes('EU 16 CIV'));
  });

  it('codes parties acting together towards each other only for what two parties do together', () => {
    const signed = roots('Spain and Italy signed an agreement on migration.', '2012-06-01');
    assert.ok(signed.includes('ESP 05 ITA') && signed.includes('ITA 05 ESP'), signed.join('; '));
    // Praising a ruling together is no praise of each other.
    const hailed = roots('Spain and Italy hailed the ruling.', '2012-06-01');
    assert.ok(!hailed.includes('ESP 05 ITA') && !hailed.includes('ITA 05 ESP'), hailed.join('; '));
    // Four parties are still so many dyads; a longer list is a multilateral forum.
    const four = roots('Russia, China, Iran and North Korea held joint naval exercises.', '2025-01-10');
    assert.ok(four.includes('RUS 06 PRK') && four.includes('IRN 06 CHN'), four.join('; '));
    const seven = roots(
      'The United States, Australia, New Zealand, Chile, Peru, Singapore and Vietnam hope to wrap up negotiations by the end of the year.',
      '2011-11-12',
    );
    assert.deepEqual(seven, []);
    // Allies striking together strike a third party, not each other; belligerents who clash fight each other.
    const allies = roots('The US, UK and France say they carried out the airstrikes.', '2018-04-14');
    assert.ok(!allies.includes('USA 19 GBR') && !allies.includes('FRA 19 USA'), allies.join('; '));
    const clash = roots('Armenia and Azerbaijan clashed on the border.', '2022-09-13');
    assert.ok(clash.includes('ARM 19 AZE') && clash.includes('AZE 19 ARM'), clash.join('; '));
  });

  it('aims mediators at the parties they mediate between, not at each other or the venue', () => {
    const got = roots(
      'Pakistan and Afghanistan agreed to an immediate ceasefire after talks in Doha mediated by Qatar and Turkey.',
      '2025-10-19',
    );
    assert.ok(got.includes('QAT 04 PAK') && got.includes('TUR 04 AFG'), got.join('; '));
    assert.ok(!got.includes('QAT 04 TUR') && !got.includes('QAT 04 QAT'), got.join('; '));
  });

  it('denies an act whose object is "no" and keeps a subordinate clause\'s own subject', () => {
    const talks = triples(
      'India and Pakistan have held no formal talks since the May ceasefire.',
      '2025-09-01',
    );
    assert.ok(talks.length > 0 && talks.every((t) => t.endsWith(' NOT')), talks.join('; '));
    const got = roots(
      'Trump ordered troops to Los Angeles after protesters clashed with federal agents carrying out raids.',
      '2025-06-08',
    );
    assert.ok(!got.some((t) => t.includes(' 19 ')), got.join('; '));
  });

  it('reads "the first country to recognise" as done, and "approved a package of sanctions" as sanctions', () => {
    assert.ok(
      roots(
        'Russia became the first country to formally recognise the government of Afghanistan.',
        '2025-07-03',
      ).some((t) => t.startsWith('RUS 05 ')),
    );
    assert.ok(
      roots('European Union foreign ministers approved a 17th package of sanctions against Russia.').includes(
        'EU 16 RUS',
      ),
    );
    assert.ok(
      !roots('Venezuela freed 10 jailed Americans on Friday.', '2025-07-18').some((t) => t.includes(' 17 ')),
    );
  });

  it('takes the actor named on an act of force as the subject\'s actor ("Russian strikes killed…")', () => {
    assert.ok(roots('Russian strikes killed 12 civilians in Kharkiv.').includes('RUS 19 UKR'));
    assert.ok(
      roots('An Israeli air strike killed five people in Gaza City on Tuesday.').includes('ISR 19 PSE'),
    );
  });

  it('codes killing civilians by the hundred as mass killing (202), not combatants', () => {
    const got = triples(
      'Fighters of the Rapid Support Forces killed more than 400 people in North Darfur.',
      '2025-04-15',
    );
    assert.ok(got.includes('RSF 202 SDN'), got.join('; '));
    assert.ok(
      !triples('Nigerian troops killed 120 Boko Haram fighters in Borno.').some((t) => t.includes(' 202 ')),
    );
    // A state's forces at war are coded by their means.
    const strikes = roots('Israel launched air strikes on Gaza, killing more than 400 people.', '2025-03-18');
    assert.ok(strikes.includes('ISR 19 PSE'), strikes.join('; '));
  });

  it('codes a crowd storming or attacking as a riot (145), and its missiles as an attack', () => {
    assert.ok(
      roots('Protesters attacked the French embassy in Kinshasa on Tuesday.', '2025-01-28').includes(
        'COD 14 FRA',
      ),
    );
    assert.ok(
      roots('Georgian demonstrators launched missiles at the Georgian government.').includes('GEO 19 GEO'),
    );
  });

  it('reads a group\'s names only once it exists ("Wagner" in 2008 is a surname)', () => {
    assert.deepEqual(roots('Wagner criticized the plan of the Russian government.', '2008-05-01'), []);
    assert.ok(roots('Wagner fighters attacked Ukrainian troops.', '2023-05-01').includes('WAGNER 19 UKR'));
  });

  it('codes a group as the state it governs once it does ("the Taliban" after August 2021)', () => {
    assert.ok(
      roots('The Taliban attacked a police post in Helmand.', '2015-01-10').includes('TALIBAN 19 AFG'),
    );
    const later = code('Taliban fighters beat protesters in Kabul.', '2023-01-10').events[0];
    assert.equal(later?.source.key, 'AFG');
    assert.equal(later?.source.code, 'AFGMIL');
  });

  it('codes no act by parties urged in a list, by ships named after people, or by a "where" clause\'s own subject', () => {
    const urged = roots(
      'Guterres urged the United States, Israel and Iran to halt hostilities.',
      '2026-03-01',
    );
    assert.ok(urged.includes('UN 02 IRN') && !urged.some((t) => t.includes(' 08 ')), urged.join('; '));
    assert.deepEqual(
      triples('The Pentagon ordered the USS Gerald R. Ford carrier strike group to the Caribbean.'),
      [],
    );
    const aid = roots(
      'Mexico sent humanitarian aid to Cuba, where fuel shortages have shut schools.',
      '2026-02-01',
    );
    assert.deepEqual(aid, ['MEX 07 CUB']);
    const swap = roots('Israel released 2,000 Palestinian prisoners, as Trump visited Israel.', '2025-10-13');
    assert.ok(!swap.includes('ISR 08 USA') && swap.includes('USA 04 ISR'), swap.join('; '));
  });

  it('reads a report released in a state as that state speaking, and "alleged that" as a verb', () => {
    assert.ok(
      roots(
        'A report released Tuesday in the Rwandan capital alleged that France was aware of the genocide.',
        '2008-08-05',
      ).includes('RWA 11 FRA'),
    );
  });

  it('codes no act for what a noun before its source asks ("pressure from Congress to help Iran")', () => {
    assert.deepEqual(triples('Obama faces pressure from Congress to help Iran.', '2014-01-01'), []);
  });

  it('codes any attack by a suicide bomber as a suicide bombing (1831)', () => {
    const got = triples(
      'An Islamic State suicide bomber struck crowds outside Kabul airport, killing scores of Afghans.',
      '2021-08-26',
    );
    assert.ok(got.includes('ISIS 1831 AFG'), got.join('; '));
  });

  it('joins "X and his counterpart Y" as two parties', () => {
    const got = roots(
      'Russian Foreign Minister Sergei Lavrov and his Turkish counterpart Hakan Fidan spoke by telephone.',
      '2025-06-01',
    );
    assert.ok(got.includes('RUS 04 TUR') && got.includes('TUR 04 RUS'), got.join('; '));
  });

  it('finds a passive\'s target in the object phrase before the verb ("evidence against Russia was presented")', () => {
    assert.ok(roots('Evidence against Russia was presented by the US.').includes('USA 11 RUS'));
  });

  it('reads a town as the direct object as its state ("shelled Kharkiv")', () => {
    assert.ok(roots('Russian forces shelled Kharkiv on Monday.').includes('RUS 19 UKR'));
  });

  it('reads claiming that another party did harm as accusing it, besides the harm reported', () => {
    const got = roots('The US claimed that ISIL had attacked Iraq.', '2014-06-18');
    assert.ok(got.includes('USA 11 ISIS') && got.includes('ISIS 19 IRQ'), got.join('; '));
    // Claiming one's own act accuses nobody, and a plain "said" is no charge.
    assert.ok(
      !roots('The US claimed that it had attacked Iraq.', '2014-06-18').some((t) => t.includes(' 11 ')),
    );
    assert.ok(!roots('Ukraine said Russian troops had shelled Kharkiv.').some((t) => t.includes(' 11 ')));
  });

  it('gives courts and legislatures the state they are in ("a court in Guyana")', () => {
    assert.ok(
      roots('A court in Guyana has issued arrest warrants for two Brazilian men.', '2008-08-20').includes(
        'GUY 17 BRA',
      ),
    );
  });

  it('aims a claim of responsibility or a condolence at the place of the event it is about', () => {
    assert.ok(
      roots(
        "Al-Shabab is claiming responsibility for a deadly attack targeting shoppers at a mall in Kenya's capital.",
      ).includes('ALSHABAAB 01 KEN'),
    );
    assert.ok(
      roots('President Obama expressed sorrow for the shootings in Charleston.', '2015-06-18').includes(
        'USA 01 USA',
      ),
    );
  });

  it('reads wanting another party to act as an appeal to it, and wanting to act as the intent', () => {
    assert.ok(roots('The European Union wants Serbia to recognise Kosovo.').includes('EU 02 SRB'));
    assert.ok(roots('Israel does not want Hamas to rearm.').includes('ISR 02 HAMAS'));
    const own = roots('Russia wants to hold talks with the United States.');
    assert.ok(own.includes('RUS 03 USA') && !own.some((t) => t.includes(' 02 ')), own.join('; '));
  });

  it('codes nothing for the victims of a participle: "there were ten soldiers killed", "with exiled dissidents"', () => {
    assert.deepEqual(triples('There were 10 Russian soldiers killed in Ukraine today.'), []);
    assert.ok(
      roots('Bush will meet with exiled dissidents from Myanmar.', '2008-08-01').every(
        (t) => !t.includes(' 17 '),
      ),
    );
  });
});

describe('coder: time and place', () => {
  it('takes a place with its article as the target ("struck targets in the Gaza Strip"), not one after the next verb', () => {
    assert.ok(roots('Israeli warplanes struck targets in the Gaza Strip.').includes('ISR 19 PSE'));
    const got = roots(
      'Nicaragua released 200 prisoners and deported them to the United States.',
      '2023-02-10',
    );
    assert.ok(!got.some((t) => t.startsWith('NIC 08 USA')), got.join('; '));
  });

  it('reads a place named after a direction word ("in eastern Ukraine", "in central Tehran")', () => {
    assert.ok(roots('Russian forces shelled towns in eastern Ukraine.').includes('RUS 19 UKR'));
    const [e] = code('Thousands of protesters rallied in central Tehran.').events;
    assert.equal(e?.source.key, 'IRN');
    assert.equal(e?.place?.name, 'Tehran');
  });

  it('knows regions the city gazetteer lacks, and uses them as places and location-targets', () => {
    const [e] = code('Russia is conducting military exercises in Alaska.').events;
    assert.equal(e?.place?.name, 'Alaska');
    assert.equal(e?.place?.country, 'USA');
    assert.equal(e?.target?.key, 'USA');
    assert.equal(code('Ethiopian forces shelled towns in Tigray.').events[0]?.place?.country, 'ETH');
  });

  it('reads weekdays by tense: the one before in the past, the one after in the future', () => {
    // 2024-12-05 is a Thursday.
    const past = code('Lavrov criticized the United States on Monday.', '2024-12-05').events[0];
    assert.equal(past?.date, '2024-12-02');
    assert.equal(past?.datePrecision, 'day');
    assert.equal(past?.dateFromPublished, false);
    const future = code('Blinken will meet Lavrov on Monday.', '2024-12-05').events[0];
    assert.equal(future?.date, '2024-12-09');
  });

  it('takes no date from a stretch of time or a day counted from another event', () => {
    // 2011-12-09 is a Friday.
    const [monday] = code(
      'Russia criticized China on Monday after its gains over the past two years.',
      '2011-12-09',
    ).events;
    assert.equal(monday?.date, '2011-12-05');
    const [period] = code('Russia has shelled Ukraine for most of the last 18 months.', '2011-12-09').events;
    assert.equal(period?.date, '2011-12-09');
    assert.equal(period?.dateFromPublished, true);
    // Not the day after publication: the day after the vote, which was last week.
    const [after] = code('Obama praised China the day after the vote last week.', '2011-12-09').events;
    assert.deepEqual([after?.date, after?.datePrecision], ['2011-12-02', 'week']);
  });

  it('falls back to the publication date and says so', () => {
    const e = code('Lavrov criticized the United States.', '2024-12-05').events[0];
    assert.equal(e?.date, '2024-12-05');
    assert.equal(e?.dateFromPublished, true);
  });

  it('finds the place from "in <city>" and from the dateline', () => {
    const inCity = code('US and Russian diplomats met in Istanbul on Thursday.', '2025-02-27').events[0];
    assert.equal(inCity?.place?.name, 'Istanbul');
    assert.equal(inCity?.place?.country, 'TUR');
    const dateline = code('KYIV (Reuters) - Ukraine accused Russia of shelling civilians.', '2024-03-01')
      .events[0];
    assert.equal(dateline?.place?.country, 'UKR');
    // English names and old spellings: Geneva is Genève to the place data; Kiev is Kyiv.
    for (const [text, country] of [
      ['US and Russian diplomats met in Geneva on Thursday.', 'CHE'],
      ['US and Ukrainian diplomats met in Kiev on Thursday.', 'UKR'],
    ] as const) {
      assert.equal(code(text, '2025-02-27').events[0]?.place?.country, country, text);
    }
    // A capital over a foreign town of the same name: not Washington in Tyne and Wear.
    const capital = code('WASHINGTON (Reuters) - The United States accused Iran of lying.', '2024-03-01');
    assert.deepEqual(
      [capital.dateline?.place?.name, capital.dateline?.place?.country],
      ['Washington, D.C.', 'USA'],
    );
  });

  it('gives character spans that point at the words in the text', () => {
    const text = 'Lavrov accused the West of cowardice.';
    const e = code(text).events[0];
    assert.ok(e);
    assert.equal(text.slice(...e.source.span), 'Lavrov');
    assert.equal(text.slice(...e.action.span), 'accused');
    assert.equal(text.slice(...(e.target?.span ?? [0, 0])), 'the West');
  });
});

describe('coder: determinism', () => {
  it('codes a text the same whatever the process read before', () => {
    // wink-nlp stores "Oman's" whole once it has seen "Oman's," or "Oman's/…", and then no longer
    // splits it; the coder must not let that history change its reading.
    const text = "Oman's foreign minister met Iranian officials in Tehran on Monday.";
    const before = code(text, '2024-05-01');
    assert.ok(
      before.events.some((e) => e.source.key === 'OMN'),
      'the possessive is read as Oman',
    );
    code("The port is Oman's, not Yemen's. Oman's/Yemen's border. Oman's.", '2024-05-01');
    assert.deepEqual(code(text, '2024-05-01'), before);
  });
});

describe('coder: bad input', () => {
  it('warns and codes nothing for empty or non-English text', () => {
    assert.match(code('   ').warnings.join(), /empty/);
    const fr = code(
      'Le ministre des Affaires étrangères a rencontré son homologue à Paris pour discuter de la guerre et de la paix.',
    );
    assert.match(fr.warnings.join(), /English/);
    assert.equal(fr.events.length, 0);
    const es = code('El presidente anunció el lunes nuevas sanciones contra Rusia por la guerra en Ucrania.');
    assert.match(es.warnings.join(), /English/);
  });

  it('takes a short wire sentence with few function words for English', () => {
    const short = code(
      'Israel launched air strikes across Gaza, killing more than 400 people.',
      '2025-03-18',
    );
    assert.deepEqual(short.warnings, []);
    assert.ok(short.events.length > 0);
  });
});
