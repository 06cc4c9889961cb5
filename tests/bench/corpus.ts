/**
 * A deterministic, seeded synthetic archive for the benchmark (issue 7): N articles of 5–7 KB of
 * Arabic newswire prose, a people registry of N/5 and a places registry of N/20, written in the
 * project's content format (content-format.md). The same (n, seed) always gives the same files.
 *
 * Also the benchmark's change kinds (`addArticle`, `editArticleBody`, `addAlias`), each returning
 * a `Change` that `revertChanges` undoes, so a corpus can be reused across runs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MentionIndex } from '../../src/archive/model/mention-index.ts';
import type { Person } from '../../src/archive/model/person.ts';
import type { Place } from '../../src/archive/model/place.ts';
import { foldArabic } from '../../src/archive/text/arabic.ts';
import { photoBytes, photoSize } from './photos.ts';
import * as V from './vocabulary.ts';

/** Bump when the generator's output changes, so a stale corpus is not reused. */
const GENERATOR_VERSION = 2;
/** The marker file in the content folder: a dotfile, which the build does not read. */
export const MARKER = '.bench-corpus.json';
/** Articles are dated from 2006-01-01 to 2025-12-31 (20 years); a new article gets the last day. */
const FIRST_DAY = Date.UTC(2006, 0, 1);
const LAST_DAY = Date.UTC(2025, 11, 31);
const DAY = 86_400_000;

// ---------------------------------------------------------------------------------------------
// Randomness: mulberry32, with a sub-stream per purpose and per article so that one article's
// text does not depend on how many random numbers the others used.

/** mulberry32: a small, fast 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over the parts: a seed for one sub-stream. */
function hash(...parts: (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const c of parts.join('\u0000')) h = Math.imul(h ^ c.codePointAt(0)!, 0x01000193);
  return h >>> 0;
}

interface Rng {
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

function rng(seed: number): Rng {
  const next = mulberry32(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return { next, int, pick: (items) => items[int(0, items.length - 1)]!, chance: (p) => next() < p };
}

/** A sampler of ranks 0..n-1 with P(k) ∝ 1/(k+1): a few entries are named very often, most rarely. */
function zipf(n: number): (r: Rng) => number {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let k = 0; k < n; k++) cdf[k] = sum += 1 / (k + 1);
  return (r) => {
    const x = r.next() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

// ---------------------------------------------------------------------------------------------
// The registry

export interface PersonSpec {
  id: string;
  name: string;
  latin: string;
  female: boolean;
  aliases: string[];
  /** A longer form of the name that the text uses but the registry does not list (yet): `addAlias` adds it. */
  latent: string | undefined;
  description: string;
}

export interface PlaceSpec {
  id: string;
  name: string;
  latin: string;
  kind: 'country' | 'city' | 'town' | 'region' | 'crossing' | 'other';
  within: string | undefined;
  coordinates: [number, number];
  aliases: string[];
  demonyms: string[];
  description: string;
  /** Feminine demonym with the article (الجزائرية), for «السلطات الجزائرية»; countries only. */
  adjective: string | undefined;
}

/** The registries, most often named first (rank order). */
export interface Registry {
  people: PersonSpec[];
  places: PlaceSpec[];
}

const slugOf = (latin: string) =>
  latin
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * Every form (name, alias, Latin name) of every entry must be unique once folded, across people
 * and places, or references and mentions become ambiguous (src/archive/model/registry.ts).
 */
class Forms {
  readonly #taken = new Set<string>();
  /** Claims all the forms, or none if one is already taken. */
  claim(...forms: string[]): boolean {
    const folded = forms.map(foldArabic);
    if (folded.some((f) => this.#taken.has(f)) || new Set(folded).size !== folded.length) return false;
    for (const f of folded) this.#taken.add(f);
    return true;
  }
}

function uniqueId(base: string, used: Set<string>): string {
  let id = base;
  for (let k = 2; used.has(id); k++) id = `${base}-${k}`;
  used.add(id);
  return id;
}

/** The registries for an archive of n articles: N/5 people, N/20 places (countries first). */
export function generateRegistry(n: number, seed: number): Registry {
  const forms = new Forms();
  const peoplePool = Math.max(2, Math.floor(n / 5));
  const placePool = Math.max(2, Math.floor(n / 20));

  const places: PlaceSpec[] = [];
  const placeIds = new Set<string>();
  const countries = V.COUNTRIES.slice(0, Math.min(V.COUNTRIES.length, Math.ceil(placePool / 2)));
  for (const c of countries) {
    forms.claim(c.name, c.latin, ...c.aliases);
    placeIds.add(c.id);
    const [m, f] = c.demonym;
    places.push({
      id: c.id,
      name: c.name,
      latin: c.latin,
      kind: 'country',
      within: undefined,
      coordinates: [c.coordinates[0], c.coordinates[1]],
      aliases: [...c.aliases],
      demonyms: [m, f, `ال${m}`, `ال${f}`, `ال${m}ين`, `ال${m}ون`],
      description: `دولة عربية، ${f === 'سورية' ? 'عاصمتها دمشق' : 'عضو في جامعة الدول العربية'}.`,
      adjective: `ال${f}`,
    });
  }
  // Two-word names (عين الزيتون) in a seeded order; three-word ones only once those run out.
  const r = rng(hash(seed, 'places'));
  const combos: [V.Named, V.Named, (typeof V.PLACE_PREFIXES)[number]][] = [];
  for (const q of [undefined, ...V.PLACE_QUALIFIERS]) {
    const batch: typeof combos = [];
    for (const p of V.PLACE_PREFIXES) for (const w of V.PLACE_WORDS) batch.push([w, q ?? ['', ''], p]);
    for (let i = batch.length - 1; i > 0; i--) {
      const j = r.int(0, i);
      [batch[i], batch[j]] = [batch[j]!, batch[i]!];
    }
    combos.push(...batch);
  }
  const kindWord = { city: 'مدينة', town: 'بلدة', region: 'منطقة', crossing: 'معبر حدودي', other: 'موقع' } as const;
  for (const [word, qualifier, prefix] of combos) {
    if (places.length >= placePool) break;
    const name = [prefix[0], word[0], qualifier[0]].filter(Boolean).join(' ');
    const latin = [prefix[1], word[1], qualifier[1]].filter(Boolean).join(' ');
    // An alias without the article (عين زيتون), as local usage often writes it.
    const alias = r.chance(0.35) && word[0].startsWith('ال') ? [prefix[0], word[0].slice(2), qualifier[0]].filter(Boolean).join(' ') : undefined;
    if (!forms.claim(name, latin, ...(alias ? [alias] : []))) continue;
    const kind = r.chance(0.05) ? 'crossing' : prefix[2];
    const country = r.chance(0.85) ? r.pick(places.slice(0, countries.length)) : undefined;
    const [lat, lon] = country ? country.coordinates : [r.int(10, 37), r.int(-17, 58)];
    const jitter = () => Math.round((r.next() * 5 - 2.5) * 100) / 100;
    places.push({
      id: uniqueId(slugOf(latin), placeIds),
      name,
      latin,
      kind,
      within: country?.id,
      coordinates: [Math.max(-89, Math.min(89, Math.round((lat + jitter()) * 100) / 100)), Math.round((lon + jitter()) * 100) / 100],
      aliases: alias ? [alias] : [],
      demonyms: [],
      description: country ? `${kindWord[kind]} في ${country.name}.` : `${kindWord[kind]}.`,
      adjective: undefined,
    });
  }

  const people: PersonSpec[] = [];
  const personIds = new Set<string>();
  const p = rng(hash(seed, 'people'));
  for (let attempts = 0; people.length < peoplePool && attempts < peoplePool * 100; attempts++) {
    const female = p.chance(0.25);
    const first = p.pick(female ? V.FEMALE_FIRST : V.MALE_FIRST);
    const father = p.pick(V.MALE_FIRST);
    const family = p.pick(V.FAMILY);
    if (father === first) continue;
    const short: V.Named = [`${first[0]} ${family[0]}`, `${first[1]} ${family[1]}`];
    const full: V.Named = [`${first[0]} ${father[0]} ${family[0]}`, `${first[1]} ${father[1]} ${family[1]}`];
    // Someone whose short name is taken goes by the full one (as newsrooms do); otherwise the full
    // name is reserved for them, listed as an alias or left for the text alone.
    const [name, latin] = forms.claim(short[0], short[1], full[0]) ? short : forms.claim(full[0], full[1]) ? full : [undefined, undefined];
    if (!name || !latin) continue;
    const aliases: string[] = [];
    let latent: string | undefined;
    if (name === short[0]) {
      if (p.chance(0.5)) aliases.push(full[0]);
      else latent = full[0];
    }
    if (p.chance(0.3)) {
      const titled = `${p.pick(female ? V.TITLES.f : V.TITLES.m)} ${name}`;
      if (forms.claim(titled)) aliases.push(titled);
    }
    const country = p.pick(V.COUNTRIES);
    people.push({
      id: uniqueId(slugOf(latin), personIds),
      name,
      latin,
      female,
      aliases,
      latent,
      description: `${p.pick(female ? V.OCCUPATIONS.f : V.OCCUPATIONS.m)} ${country.demonym[female ? 1 : 0]}.`,
    });
  }
  if (people.length < peoplePool) throw new Error(`only ${people.length} distinct people could be named for a pool of ${peoplePool}: add names to vocabulary.ts`);
  dropShadowedLatentNames(people, places);
  return { people, places };
}

/**
 * A latent full name (علي محمد الأحمد) must name nobody until it becomes an alias: if another
 * entry's name sits inside it (محمد الأحمد), the text would link that other person, so the
 * generator does not use it. Checked with the build's own matcher.
 */
function dropShadowedLatentNames(people: PersonSpec[], places: PlaceSpec[]) {
  const entities = [
    ...people.map((s): Person => ({ ...s, entity: 'person', contextAliases: [], stopPhrases: [], description: undefined, sourcePath: '', html: '' })),
    ...places.map((s): Place => ({ ...s, entity: 'place', contextAliases: [], stopPhrases: [], description: undefined, sourcePath: '', html: '' })),
  ];
  const index = new MentionIndex(entities);
  for (const person of people) if (person.latent && index.findNames(person.latent).length > 0) person.latent = undefined;
}

// ---------------------------------------------------------------------------------------------
// Articles

/** One article: where it goes, its whole file text, and the photos it shows. */
export interface GeneratedArticle {
  /** Path relative to the content folder. */
  file: string;
  text: string;
  photos: PhotoSpec[];
}

/** A photo an article shows: where it goes beside the article, its size, and the seed of its bytes. */
export interface PhotoSpec {
  file: string;
  width: number;
  height: number;
  seed: number;
}

/** How many articles have a lead photo, and how many a figure in their text (issue 14: "most", "a few"). */
const LEAD_PHOTO_SHARE = 0.7;
const FIGURE_SHARE = 0.08;

const json = (s: string) => JSON.stringify(s);

/** Adds proclitics as Arabic writes them: ل + الجزائر → للجزائر, ب + الجزائر → بالجزائر. */
function withProclitic(form: string, proclitic: string): string {
  if (proclitic === 'ل' && form.startsWith('ال')) return `ل${form.slice(1)}`;
  return proclitic + form;
}

/** Sentence templates of `Writer.sentence`; saying something (0, 1) and fillers (14) twice as often. */
const TEMPLATES = [0, 0, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 14];

/** Writes the sentences of one article, keeping track of who was already named. */
class Writer {
  readonly r: Rng;
  readonly topic: V.Topic;
  readonly people: PersonSpec[];
  readonly places: PlaceSpec[];
  readonly #named = new Set<string>();
  readonly #decks = new Map<readonly unknown[], unknown[]>();

  constructor(r: Rng, topic: V.Topic, people: PersonSpec[], places: PlaceSpec[]) {
    this.r = r;
    this.topic = topic;
    this.people = people;
    this.places = places;
  }

  /** The next item of a shuffled deck of `items`: no repeat until all were used (articles are long, lists short). */
  draw<T>(items: readonly T[]): T {
    let deck = this.#decks.get(items) as T[] | undefined;
    if (!deck || deck.length === 0) {
      deck = sample(this.r, items, items.length);
      this.#decks.set(items, deck);
    }
    return deck.pop()!;
  }

  /** One of the article's people, the first (main) one most often. */
  anyPerson(): PersonSpec {
    return this.r.chance(0.5) ? this.people[0]! : this.r.pick(this.people);
  }
  otherPerson(than: PersonSpec): PersonSpec | undefined {
    const others = this.people.filter((p) => p !== than);
    return others.length ? this.r.pick(others) : undefined;
  }
  anyPlace(): PlaceSpec {
    return this.r.chance(0.5) ? this.places[0]! : this.r.pick(this.places);
  }

  /** A person as the text names them: the full registered name first, then any of their forms. */
  person(p: PersonSpec, proclitic = ''): string {
    let form = p.name;
    if (this.#named.has(p.id)) {
      const choices = [p.name, p.name, ...p.aliases, ...(p.latent ? [p.latent] : [])];
      form = this.r.pick(choices);
    } else if (p.latent && this.r.chance(0.15)) {
      form = p.latent;
    }
    this.#named.add(p.id);
    return withProclitic(form, proclitic);
  }
  place(p: PlaceSpec, proclitic = ''): string {
    const form = p.aliases.length && this.r.chance(0.2) ? this.r.pick(p.aliases) : p.name;
    return withProclitic(form, proclitic);
  }
  /** «في X» or «بX». */
  inPlace(p: PlaceSpec): string {
    return this.r.chance(0.5) ? `في ${this.place(p)}` : this.place(p, 'ب');
  }

  g(p: PersonSpec, m: string, f: string) {
    return p.female ? f : m;
  }
  /** A person's role (وزير المالية), the same wherever the corpus names them. */
  role(p: PersonSpec) {
    const roles = p.female ? V.ROLES.f : V.ROLES.m;
    return roles[hash(p.id) % roles.length]!;
  }
  /** A clause about the topic (or a general one), sometimes in bold. */
  clause() {
    const c = this.r.chance(0.65) ? this.draw(this.topic.clauses) : this.draw(V.GENERAL_CLAUSES);
    return this.r.chance(0.12) ? `**${c}**` : c;
  }
  number(unit: string) {
    return unit === 'في المئة' ? (this.r.int(15, 450) / 10).toFixed(1) : String(this.r.int(2, 95) * 10 ** this.r.int(1, 2));
  }

  /** One sentence of running text, from one of the templates below. */
  sentence(): string {
    const { r, topic } = this;
    const p = this.anyPerson();
    const pl = this.anyPlace();
    const [vm, vf, comp] = this.draw(V.SAY_VERBS);
    const verb = this.g(p, vm, vf);
    switch (this.draw(TEMPLATES)) {
      case 0:
        return `و${verb} ${this.role(p)} ${this.person(p)}، ${r.pick(V.WHEN)}، ${comp} ${this.clause()}.`;
      case 1: {
        const [pm, pf, pc] = r.pick(V.PARTICIPLES);
        return `و${verb} ${this.person(p)} ${comp} ${this.clause()}، ${this.g(p, pm, pf)} ${pc} ${this.clause()}.`;
      }
      case 2:
        return `وشهدت ${this.place(pl)}، ${r.pick(V.WHEN)}، ${this.draw(topic.events)}، ${this.draw(V.AFTERMATHS)}.`;
      case 3:
        return `وبحسب ${this.draw(V.SOURCE_REFS)}، فإن ${this.clause()}.`;
      case 4:
        return `وتأتي هذه التطورات في وقت ${this.draw(V.CONTEXTS)}.`;
      case 5:
        return `${this.draw(V.CONNECTORS)} ${this.g(p, 'أعلن', 'أعلنت')} ${this.person(p)} عن ${this.draw(V.ANNOUNCEMENTS)} ${this.inPlace(pl)}.`;
      case 6:
        return `من ${this.g(p, 'جهته', 'جهتها')}، ${this.g(p, 'اعتبر', 'اعتبرت')} ${this.person(p)} أن ${this.clause()}، ${this.g(p, ...V.CALL_PARTICIPLE)} إلى ${this.draw(topic.calls)}.`;
      case 7: {
        const [metric, unit] = this.draw(topic.metrics);
        const [during, before] = this.draw(V.PERIODS);
        const feminine = /^(نسبة|قيمة|كمية|القدرة|المساحات)/.test(metric);
        const value = this.number(unit);
        const shown = r.chance(0.3) ? `**${value} ${unit}**` : `${value} ${unit}`;
        return `وبلغ${feminine ? 'ت' : ''} ${metric} ${this.inPlace(pl)} نحو ${shown} خلال ${during}، مقابل ${this.number(unit)} ${unit} خلال ${before}.`;
      }
      case 8:
        return `و${this.g(p, 'قال', 'قالت')} ${this.person(p)} في تصريح صحفي: «${this.draw(topic.quotes)}».`;
      case 9: {
        const q = this.otherPerson(p);
        if (!q) return `و${this.g(p, 'زار', 'زارت')} ${this.person(p)} ${this.place(pl)}، حيث ${this.g(p, 'بحث', 'بحثت')} ${this.draw(topic.subjects)}.`;
        return `و${this.g(p, 'زار', 'زارت')} ${this.person(p)} ${this.place(pl)}، حيث ${this.g(p, 'التقى', 'التقت')} ${this.role(q)} ${this.person(q)}، و${this.g(p, 'بحث', 'بحثت')} ${this.g(q, 'معه', 'معها')} ${this.draw(topic.subjects)}.`;
      }
      case 10: {
        const q = this.otherPerson(p);
        if (!q) return `وأفادت مصادر محلية في ${this.place(pl)} بأن ${this.clause()}.`;
        return `و${this.g(p, 'اجتمع', 'اجتمعت')} ${this.person(p)} ${this.person(q, 'ب')} ${this.inPlace(pl)}، لبحث ${this.draw(topic.subjects)}.`;
      }
      case 11: {
        const q = this.otherPerson(p);
        if (!q) return `وأفادت مصادر محلية ${this.inPlace(pl)} بأن ${this.clause()}.`;
        return `وجرى اللقاء بين ${this.person(p)} ${this.person(q, 'و')} في مقر الوزارة ${this.place(pl, 'ب')}، ${this.draw(V.AFTERMATHS)}.`;
      }
      case 12: {
        const other = this.places.find((x) => x !== pl);
        const to = other ? ` ${this.place(other, 'و')}` : '';
        return `وخصصت الحكومة اعتمادات إضافية ${this.place(pl, 'ل')}${to}، في إطار ${this.draw(V.ANNOUNCEMENTS)}.`;
      }
      case 13:
        if (!pl.adjective) return this.draw(V.FILLERS);
        return `وتتابع السلطات ${pl.adjective} تطورات الوضع عن كثب، بحسب ${this.draw(V.SOURCE_REFS)}.`;
      default:
        return this.draw(V.FILLERS);
    }
  }

  paragraph(min = 2, max = 4): string {
    const sentences: string[] = [];
    for (let k = this.r.int(min, max); k > 0; k--) sentences.push(this.sentence());
    return sentences.join(' ');
  }
}

/** Shuffled copy of a list, first `k` items. */
function sample<T>(r: Rng, items: readonly T[], k: number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, k);
}

const dateOf = (r: Rng) => new Date(FIRST_DAY + r.int(0, (LAST_DAY - FIRST_DAY) / DAY) * DAY).toISOString().slice(0, 10);

/** Picks 1–`max` distinct entries: `forced` first (so every entry is tagged at least once), then by Zipf rank. */
function tags<T>(r: Rng, pool: readonly T[], rank: (r: Rng) => number, counts: readonly number[], forced: T | undefined): T[] {
  const want = r.pick(counts);
  const chosen = new Set<T>(forced ? [forced] : []);
  for (let tries = 0; chosen.size < want && tries < 20; tries++) chosen.add(pool[rank(r)]!);
  return [...chosen];
}

/** Samplers shared by all articles of one registry. */
interface Samplers {
  person: (r: Rng) => number;
  place: (r: Rng) => number;
}

function samplers(registry: Registry): Samplers {
  return { person: zipf(registry.people.length), place: zipf(registry.places.length) };
}

/**
 * Article number `i` of the corpus: its date, tags and 5–7 KB body. `i` beyond the corpus (and
 * the `stream` name) make new articles for `addArticle`.
 */
function makeArticle(seed: number, i: number, registry: Registry, z: Samplers, options: { stream?: string; date?: string; slug?: string; photo?: boolean } = {}): GeneratedArticle {
  const r = rng(hash(seed, options.stream ?? 'article', i));
  const { people: allPeople, places: allPlaces } = registry;
  const date = options.date ?? dateOf(r);
  const topic = r.pick(V.TOPICS);
  const slug = options.slug ?? `${topic.slug}-${i.toString(36)}`;
  // Article i < pool size tags entry i, so that every registry entry is used (no registry/unused).
  const people = tags(r, allPeople, z.person, [1, 1, 2, 2, 2, 3, 3, 4], options.stream ? undefined : allPeople[i]);
  const places = tags(r, allPlaces, z.place, [1, 1, 1, 2, 2, 3], options.stream ? undefined : allPlaces[i]);
  // Some text names people and places that are not tagged: the build finds them.
  const mentionedPeople = r.chance(0.3) ? [...people, allPeople[z.person(r)]!].filter((p, k, all) => all.indexOf(p) === k) : people;
  const mentionedPlaces = r.chance(0.3) ? [...places, allPlaces[z.place(r)]!].filter((p, k, all) => all.indexOf(p) === k) : places;
  const w = new Writer(r, topic, mentionedPeople, mentionedPlaces);

  const main = people[0]!;
  const where = places[0]!;
  const headline = r.pick(topic.headlines);
  const title = r.pick([
    `${headline} ${w.inPlace(where)}`,
    `${where.name}: ${headline}`,
    `${main.name} ${main.female ? 'تبحث' : 'يبحث'} ${r.pick(topic.subjects)} ${w.inPlace(where)}`,
  ]);

  // Body: a lead naming the main person and place, then paragraphs, headings, a quotation and a
  // list, until the body reaches its size (5–7 KB of UTF-8).
  const target = r.int(5300, 6800);
  const blocks: string[] = [
    `${w.g(main, 'أكد', 'أكدت')} ${w.role(main)} ${w.person(main)}، ${r.pick(V.WHEN)}، ${w.inPlace(where)}، أن ${w.clause()}. ${w.paragraph(1, 2)}`,
  ];
  const headings = sample(r, topic.headings, topic.headings.length);
  let quoted = false;
  let listed = false;
  const size = () => Buffer.byteLength(blocks.join('\n\n'));
  while (size() < target) {
    const roll = r.next();
    if (roll < 0.12 && headings.length && blocks.length > 1) {
      blocks.push(`## ${headings.pop()!}`, w.paragraph());
    } else if (roll < 0.2 && !quoted) {
      quoted = true;
      const p = w.anyPerson();
      blocks.push(`و${w.g(p, 'قال', 'قالت')} ${w.person(p)} في كلمة ألقاها بالمناسبة:`, `> «${w.draw(topic.quotes)}»`);
    } else if (roll < 0.27 && !listed) {
      listed = true;
      const p = w.anyPerson();
      const items = sample(r, topic.items, r.int(3, 5)).map((item) => (r.chance(0.3) ? `- ${item} ${w.inPlace(w.anyPlace())}` : `- ${item}`));
      blocks.push(`وتتضمن الإجراءات التي ${w.g(p, 'أعلن', 'أعلنت')} عنها ${w.person(p)} ما يلي:`, items.join('\n'));
    } else {
      blocks.push(w.paragraph());
    }
  }
  // Trim back under 7 KB, never below 5 KB.
  while (size() > 7168 && blocks.length > 2) {
    const without = Buffer.byteLength(blocks.slice(0, -1).join('\n\n'));
    if (without < 5120) break;
    blocks.pop();
  }

  const source = r.pick(V.SOURCES);
  const [yyyy, mm] = date.split('-');
  // Photos draw from their own stream, so that the text is the one the corpus had before it had photos.
  const pr = rng(hash(seed, 'photo', options.stream ?? 'article', i));
  const dimensions = photoSize(Number(yyyy));
  const photos: PhotoSpec[] = [];
  const photo = (suffix: string) => {
    const spec = { file: `articles/${yyyy}/${mm}/${slug}${suffix}.jpg`, ...dimensions, seed: hash(seed, 'photo-bytes', options.stream ?? 'article', i, suffix) };
    photos.push(spec);
    return `./${path.posix.basename(spec.file)}`;
  };
  const lead = (options.photo ?? pr.chance(LEAD_PHOTO_SHARE))
    ? [
        'image:',
        `  src: ${photo('')}`,
        `  alt: ${json(pr.chance(0.6) ? `${main.name} ${pr.pick(V.PHOTO_SCENES)} في ${where.name}` : `${pr.pick(V.PHOTO_VIEWS)} في ${where.name}`)}`,
        ...(pr.chance(0.7) ? [`  caption: ${json(`${where.name}، ${headline}`)}`] : []),
        `  credit: ${json(pr.pick(V.PHOTO_CREDITS))}`,
      ]
    : [];
  if (pr.chance(FIGURE_SHARE) && blocks.length > 3) {
    const figure = `![${pr.pick(V.PHOTO_VIEWS)} في ${where.name}](${photo('-2')} "${where.name} — تصوير: ${pr.pick(V.PHOTO_CREDITS.slice(0, 4))}")`;
    blocks.splice(3, 0, figure);
  }
  const front = [
    '---',
    `title: ${json(title)}`,
    `date: ${date}`,
    `slug: ${slug}`,
    `source: ${json(source[0])}`,
    `sourceUrl: https://example.org/${source[1]}/${yyyy}/${mm}/${slug}`,
    ...(r.chance(0.3) ? [`author: ${json(r.pick(V.AUTHORS))}`] : []),
    ...(r.chance(0.25) ? [`summary: ${json(`${r.pick(topic.clauses)}، بحسب ${r.pick(V.SOURCE_REFS)}.`)}`] : []),
    `people: [${people.map((p) => p.id).join(', ')}]`,
    `places: [${places.map((p) => p.id).join(', ')}]`,
    ...lead,
    '---',
  ];
  return { file: `articles/${yyyy}/${mm}/${slug}.md`, text: `${front.join('\n')}\n\n${blocks.join('\n\n')}\n`, photos };
}

function personFile(p: PersonSpec): string {
  return ['---', `name: ${json(p.name)}`, `latin: ${json(p.latin)}`, `aliases: ${JSON.stringify(p.aliases)}`, `description: ${json(p.description)}`, '---', ''].join('\n');
}

function placeFile(p: PlaceSpec): string {
  return [
    '---',
    `name: ${json(p.name)}`,
    `latin: ${json(p.latin)}`,
    `kind: ${p.kind}`,
    ...(p.within ? [`within: ${p.within}`] : []),
    `coordinates: [${p.coordinates.join(', ')}]`,
    `aliases: ${JSON.stringify(p.aliases)}`,
    ...(p.demonyms.length ? [`demonyms: ${JSON.stringify(p.demonyms)}`] : []),
    `description: ${json(p.description)}`,
    '---',
    '',
  ].join('\n');
}

function write(dir: string, file: string, text: string) {
  const full = path.join(dir, file);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, text);
}

/** What a corpus was generated from (the marker's content). */
export interface CorpusMarker {
  version: number;
  n: number;
  seed: number;
}

/** The marker of a generated corpus, if `dir` holds one. */
export function readMarker(dir: string): CorpusMarker | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, MARKER), 'utf8')) as CorpusMarker;
  } catch {
    return undefined;
  }
}

/** Is `dir` a complete corpus generated from (n, seed) by this version of the generator? */
export function isCorpus(dir: string, n: number, seed: number): boolean {
  const m = readMarker(dir);
  return m?.version === GENERATOR_VERSION && m.n === n && m.seed === seed;
}

/** Writes the photos of these articles, on every core (sharp encodes one photo on one thread here), telling `progress` how many are done. */
async function writePhotos(dir: string, photos: readonly PhotoSpec[], progress: (done: number, total: number) => void = () => {}): Promise<void> {
  let next = 0;
  let done = 0;
  const lanes = Array.from({ length: Math.max(1, os.availableParallelism()) }, async () => {
    while (next < photos.length) {
      const photo = photos[next++]!;
      const bytes = await photoBytes(mulberry32(photo.seed), photo.width, photo.height);
      fs.mkdirSync(path.dirname(path.join(dir, photo.file)), { recursive: true });
      fs.writeFileSync(path.join(dir, photo.file), bytes);
      progress(++done, photos.length);
    }
  });
  await Promise.all(lanes);
}

/** What a generated corpus holds. */
export interface CorpusSummary {
  registry: Registry;
  articles: number;
  photos: number;
  photoBytes: number;
}

/**
 * Writes a whole corpus into `dir` (emptied first): `articles/YYYY/MM/<slug>.md` with their
 * photos beside them, `people/<id>.md`, `places/<id>.md`, and the marker last, so an
 * interrupted run is not reused.
 */
export async function generateCorpus({ n, seed, dir, progress }: { n: number; seed: number; dir: string; progress?: (done: number, total: number) => void }): Promise<CorpusSummary> {
  fs.rmSync(dir, { recursive: true, force: true });
  const registry = generateRegistry(n, seed);
  for (const p of registry.people) write(dir, `people/${p.id}.md`, personFile(p));
  for (const p of registry.places) write(dir, `places/${p.id}.md`, placeFile(p));
  const z = samplers(registry);
  const photos: PhotoSpec[] = [];
  for (let i = 0; i < n; i++) {
    const a = makeArticle(seed, i, registry, z);
    write(dir, a.file, a.text);
    photos.push(...a.photos);
  }
  await writePhotos(dir, photos, progress);
  const marker: CorpusMarker = { version: GENERATOR_VERSION, n, seed };
  fs.writeFileSync(path.join(dir, MARKER), JSON.stringify(marker) + '\n');
  const photoBytesTotal = photos.reduce((sum, photo) => sum + fs.statSync(path.join(dir, photo.file)).size, 0);
  return { registry, articles: n, photos: photos.length, photoBytes: photoBytesTotal };
}

// ---------------------------------------------------------------------------------------------
// Changes, for the incremental scenarios

/** A file the benchmark changed, and what it held before (null: it did not exist). */
export interface Change {
  /** Absolute path. */
  file: string;
  before: string | null;
}

function change(file: string, after: string): Change {
  const before = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, after);
  return { file, before };
}

/** Undoes changes, newest first. */
export function revertChanges(changes: readonly Change[]) {
  for (const c of [...changes].reverse()) {
    if (c.before === null) fs.rmSync(c.file, { force: true });
    else fs.writeFileSync(c.file, c.before);
  }
}

function corpusOf(dir: string): { marker: CorpusMarker; registry: Registry } {
  const marker = readMarker(dir);
  if (!marker) throw new Error(`${dir} is not a generated benchmark corpus (no ${MARKER})`);
  return { marker, registry: generateRegistry(marker.n, marker.seed) };
}

/**
 * A new article dated the corpus's last day (today's news), tagging popular people and places,
 * with a lead photo: the photo first, so that the article never names a file not yet written.
 */
export async function addArticle(dir: string, seed: number): Promise<Change[]> {
  const { marker, registry } = corpusOf(dir);
  const date = new Date(LAST_DAY).toISOString().slice(0, 10);
  const a = makeArticle(marker.seed, seed, registry, samplers(registry), { stream: 'added', date, slug: `added-${seed}`, photo: true });
  const photos = a.photos.filter((photo) => !fs.existsSync(path.join(dir, photo.file)));
  await writePhotos(dir, photos);
  return [...photos.map((photo): Change => ({ file: path.join(dir, photo.file), before: null })), change(path.join(dir, a.file), a.text)];
}


/**
 * A correction in one existing article's body: a sentence added to a paragraph after the first
 * (the first paragraph is the default summary, shown in lists), naming no one, so only the
 * article's own text changes, not its title, summary, tags or mentions.
 */
export function editArticleBody(dir: string, seed = 0): Change {
  const { marker, registry } = corpusOf(dir);
  // Which file article i is (its date and slug) is found by generating it again.
  const file = path.join(dir, makeArticle(marker.seed, hash(marker.seed, 'edit', seed) % marker.n, registry, samplers(registry)).file);
  const text = fs.readFileSync(file, 'utf8');
  const end = text.indexOf('\n---\n', 4) + 5;
  const blocks = text.slice(end).split('\n\n');
  const prose = blocks.map((_, k) => k).filter((k) => k > 1 && !/^(#|>|-|\s)/.test(blocks[k]!) && blocks[k]!.trim().endsWith('.'));
  const k = prose[Math.floor(prose.length / 2)] ?? blocks.length - 1;
  blocks[k] = `${blocks[k]!.trimEnd()} ${V.FILLERS[seed % V.FILLERS.length]}`;
  return change(file, `${text.slice(0, end)}${blocks.join('\n\n').trimEnd()}\n`);
}

/**
 * Adds an alias to one of the most often named people: their full name (علي محمد الأحمد), which
 * the text already uses but the registry did not list, so the alias finds new mentions.
 */
export function addAlias(dir: string, seed = 0): Change {
  const { registry } = corpusOf(dir);
  const candidates = registry.people.filter((p) => p.latent);
  const person = candidates[seed % candidates.length];
  if (!person) throw new Error('no person in this corpus has an unlisted full name to add as an alias');
  const file = path.join(dir, 'people', `${person.id}.md`);
  const text = fs.readFileSync(file, 'utf8');
  const line = /^aliases: (.*)$/m.exec(text);
  if (!line) throw new Error(`${file} has no aliases line`);
  const aliases = JSON.parse(line[1]!) as string[];
  // Repeated calls add further forms, so each call is a change.
  const alias = aliases.includes(person.latent!) ? `${V.TITLES[person.female ? 'f' : 'm'][aliases.length % 4]} ${person.latent}` : person.latent!;
  return change(file, text.replace(line[0], `aliases: ${JSON.stringify([...aliases, alias])}`));
}

// `node tests/bench/corpus.ts <n> <dir> [seed]`: writes a corpus, for trying it by hand.
if (process.argv[1] === import.meta.filename) {
  const [n, dir, seed] = process.argv.slice(2);
  if (!n || !dir) {
    console.error('usage: node tests/bench/corpus.ts <n> <dir> [seed]');
    process.exit(2);
  }
  const started = performance.now();
  const corpus = await generateCorpus({ n: Number(n), seed: Number(seed ?? 7), dir });
  console.log(
    `${n} articles, ${corpus.photos} photos (${(corpus.photoBytes / 1048576).toFixed(0)} MB), ${corpus.registry.people.length} people, ${corpus.registry.places.length} places in ${dir} (${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
}
