/**
 * What name matching knows about the Arabic words around names: the language's function words
 * (the Arabic list of the `stopwords-iso` package: prepositions, pronouns, demonstratives,
 * particles, auxiliary verbs…), the titles and head nouns written before names, and the shape of
 * adjectives of relation (nisba: سوري، سورية، السوريين). Everything compares folded words
 * (`foldArabic`); the lists below are closed grammatical classes, not a vocabulary.
 */
import stopwords from 'stopwords-iso' with { type: 'json' };
import { foldArabic } from './arabic.ts';
import { readings } from './tokens.ts';

/** Folded single words of a list. */
function folded(words: readonly string[]): ReadonlySet<string> {
  return new Set(words.map(foldArabic).filter((w) => w !== '' && !w.includes(' ')));
}

/**
 * Arabic function words, folded. Folding makes some of them look like names: «على» folds to
 * «علي», «أي» to «اي».
 */
export const FUNCTION_WORDS: ReadonlySet<string> = folded((stopwords as Record<string, string[]>).ar ?? []);

/**
 * Demonstratives and partitives: after them a definite word is a common noun («هذه المدينة»,
 * «هذه الإمارات», «أحد المماليك»): one cannot point at, or take one of, a name.
 */
const DEMONSTRATIVES = folded(['هذا', 'هذه', 'ذلك', 'تلك', 'هؤلاء', 'أولئك', 'هذين', 'هاتين', 'هذان', 'هاتان', 'ذاك', 'أحد', 'إحدى', 'بعض']);

/** Titles written before a person's name: «الرئيس تبون», «الشيخ سعيد», «الإمام علي». */
const PERSON_TITLES = folded([
  'الرئيس', 'الرئيسة', 'الوزير', 'الوزيرة', 'الملك', 'الملكة', 'الأمير', 'الأميرة', 'الشيخ', 'الشيخة',
  'السيد', 'السيدة', 'الدكتور', 'الدكتورة', 'الأستاذ', 'الأستاذة', 'الإمام', 'الخليفة', 'السلطان', 'المشير', 'الجنرال',
  'العقيد', 'اللواء', 'العميد', 'النائب', 'النائبة', 'المستشار', 'المستشارة', 'القاضي', 'البابا', 'المطران', 'الأب',
  'الحاج', 'النبي', 'الرسول', 'القديس', 'المبعوث', 'السفير', 'الزعيم', 'المرشد', 'المهندس', 'المحامي', 'البروفيسور',
]);

/**
 * Nouns written before a place's name that name the same place: «دولة قطر», «مدينة حلب»,
 * «بلاد الشام». Not «شارع بغداد» or «مطار المزة», which are other places.
 */
const PLACE_HEADS = folded([
  'دولة', 'مدينة', 'بلدة', 'قرية', 'عاصمة', 'جمهورية', 'مملكة', 'إمارة', 'سلطنة', 'ولاية', 'محافظة', 'منطقة', 'إقليم',
  'جزيرة', 'جزر', 'بلاد',
]);

/**
 * Nouns for what an organisation is, written before its name: «نادي برشلونة», «حزب النهضة»,
 * «صحيفة صن». Not «مجلس» or «اتحاد», which begin the names of other bodies.
 */
const ORGANISATION_HEADS = folded([
  'نادي', 'فريق', 'شركة', 'حزب', 'حركة', 'صحيفة', 'جريدة', 'مجلة', 'وكالة', 'قناة', 'منظمة', 'جمعية', 'بنك', 'مصرف',
  'مؤسسة', 'إذاعة', 'تلفزيون', 'موقع',
]);

/**
 * Nouns that begin the name of an event, a prize, a law or a theory: a name governed by them
 * («دوري أبطال أوروبا», «كأس ملك إسبانيا», «قانون نيوتن», «جائزة نوبل», «أمم أفريقيا», the
 * Nations Cup) is part of that name.
 */
const EPONYM_HEADS = folded([
  'كأس', 'دوري', 'بطولة', 'أمم', 'أولمبياد', 'أولمبيات', 'مونديال', 'جائزة', 'جوائز', 'قانون', 'قوانين', 'نظرية', 'نظريات',
  'معادلة', 'معادلات', 'منحنى', 'مبرهنة', 'متلازمة',
]);

/**
 * Number words. A word that is one is not read as a proclitic and a name («بليون» is a
 * billion, not «ب» + «ليون»), and a name that is one needs more evidence to count.
 */
const NUMBER_WORDS = folded([
  'واحد', 'اثنان', 'اثنين', 'ثلاث', 'ثلاثة', 'أربع', 'أربعة', 'خمس', 'خمسة', 'ست', 'ستة', 'سبع', 'سبعة', 'ثماني', 'ثمانية',
  'تسع', 'تسعة', 'عشر', 'عشرة', 'عشرون', 'عشرين', 'ثلاثون', 'ثلاثين', 'أربعون', 'أربعين', 'خمسون', 'خمسين', 'ستون', 'ستين',
  'سبعون', 'سبعين', 'ثمانون', 'ثمانين', 'تسعون', 'تسعين', 'مائة', 'مئة', 'مئات', 'مائتان', 'مائتين', 'ألف', 'ألفا', 'ألفين',
  'آلاف', 'مليون', 'مليونا', 'ملايين', 'مليار', 'مليارا', 'مليارات', 'بليون', 'بليونا', 'بلايين', 'تريليون', 'تريليونات',
]);

/**
 * Units of measure (length, area, volume, weight, energy, data): after a number they make a
 * quantity («16 مترا»), and the word before a quantity is what is measured («بقطر 16 مترا»:
 * the diameter, not Qatar; «بطول», «بعمق»).
 */
const MEASURE_UNITS = folded([
  'متر', 'مترا', 'أمتار', 'كيلومتر', 'كيلومترا', 'كيلومترات', 'كم', 'كلم', 'سنتيمتر', 'سنتيمترا', 'سنتيمترات', 'سم',
  'مليمتر', 'ملم', 'ميل', 'ميلا', 'أميال', 'قدم', 'قدما', 'أقدام', 'بوصة', 'إنش', 'ياردة', 'هكتار', 'هكتارا', 'هكتارات',
  'فدان', 'فدانا', 'أفدنة', 'دونم', 'دونما', 'دونمات', 'لتر', 'لترا', 'لترات', 'برميل', 'براميل', 'غرام', 'غراما', 'غرامات',
  'جرام', 'كيلوغرام', 'كيلوغراما', 'كيلوغرامات', 'كغ', 'كلغ', 'طن', 'طنا', 'أطنان', 'رطل', 'درجة', 'درجات', 'واط',
  'كيلوواط', 'ميغاواط', 'فولت', 'بايت', 'كيلوبايت', 'ميغابايت', 'غيغابايت',
]);

/** Nouns of time and currency: «الساعات» are hours and «الريال» a currency before they are a place or a club. */
const TIME_AND_CURRENCY = folded([
  'ثانية', 'ثوان', 'ثواني', 'دقيقة', 'دقائق', 'ساعة', 'ساعات', 'يوم', 'أيام', 'أسبوع', 'أسابيع', 'شهر', 'أشهر', 'شهور',
  'سنة', 'سنوات', 'سنين', 'عام', 'أعوام', 'قرن', 'قرون', 'عقد', 'عقود', 'ريال', 'ريالات', 'دينار', 'دنانير', 'درهم',
  'دراهم', 'جنيه', 'جنيهات', 'ليرة', 'ليرات', 'دولار', 'دولارات', 'يورو', 'فرنك', 'روبية', 'روبل', 'شيكل', 'شيقل',
]);

/** Words that tie a name to the next or previous one: «علي بن أبي طالب», «أبو بكر». */
const NAME_LINKS = folded(['بن', 'ابن', 'بنت', 'أبو', 'أبي', 'أبا', 'أم', 'آل']);

/** The kinds of entry that have titles or head nouns of their own. */
export type HeadedKind = 'person' | 'place' | 'organisation';

/** The word without proclitics (و ف ب ك ل), as any of its readings. */
function stems(word: string): string[] {
  return readings(word)
    .filter((r) => !r.proclitic.endsWith('ال'))
    .map((r) => r.stem);
}

/** Is the folded word a function word (a proclitic allowed: «وعلى», «فهذا»)? */
export function isFunctionWord(word: string): boolean {
  return stems(word).some((s) => FUNCTION_WORDS.has(s));
}

/** Is the folded word a demonstrative or a partitive («هذه», «أحد»)? */
export function isDemonstrative(word: string): boolean {
  return stems(word).some((s) => DEMONSTRATIVES.has(s));
}

/** The titles and head nouns of each family that has them (a `Record`, so a new one must be listed). */
const HEADS: Record<HeadedKind, ReadonlySet<string>> = { person: PERSON_TITLES, place: PLACE_HEADS, organisation: ORGANISATION_HEADS };

/** Is the folded word a title or head noun of this kind of entry («الرئيس», «مدينة», «نادي»), a proclitic or article allowed? */
export function isHeadOf(kind: HeadedKind, word: string): boolean {
  const list = HEADS[kind];
  return readings(word).some((r) => list.has(r.stem) || (r.stem.startsWith('ال') && list.has(r.stem.slice(2))));
}

/** Does the folded word begin the name of an event, prize, law or theory («كأس», «لقوانين»)? Only without the article. */
export function isEponymHead(word: string): boolean {
  return stems(word).some((s) => EPONYM_HEADS.has(s));
}

/**
 * Can the folded word stand inside an idafa chain between a head and the name it governs
 * («دوري أبطال أوروبا», «كأس ملك إسبانيا»)? A noun without the article, a possessive suffix
 * («نظمها») or digits, and not a function word.
 */
export function isConstructNoun(word: string): boolean {
  return !isDefinite(word) && !isFunctionWord(word) && !/\d/.test(word) && !/(ها|هم|هما|هن|كم|كما|نا)$/.test(word);
}

/** Is the folded word one that ties names together («بن», «أبو»)? */
export function isNameLink(word: string): boolean {
  return NAME_LINKS.has(word);
}

/** Does the folded word carry the definite article, after any proclitics («الحضارة», «والقوات», «للمدينة»)? */
export function isDefinite(word: string): boolean {
  if (/^(ال|لل)/.test(word) && word.length > 3) return true;
  return readings(word).some((r) => r.proclitic !== '' && !r.proclitic.endsWith('ال') && r.stem.startsWith('ال') && r.stem.length > 3);
}

/**
 * Does a folded single word have the shape of an adjective of relation (nisba)? Definite:
 * «السورية», «الصليبي», «المسلمين»; without the article only the unmistakable endings
 * «ـية», «ـيين», «ـيون», «ـيات» («سورية»), since a bare «ـي» ends many foreign names (روني، نابولي).
 */
export function hasNisbaShape(word: string): boolean {
  if (word.includes(' ')) return false;
  if (word.startsWith('ال')) return word.length >= 5 && /(ي|يه|يين|يون|يات)$/.test(word);
  return word.length >= 4 && /(يه|يين|يون|يات)$/.test(word);
}

/** Is the folded word, as written, a number word («مليون», «بليون»)? */
export function isNumberWord(word: string): boolean {
  return NUMBER_WORDS.has(word);
}

/**
 * Is the folded word a noun of number, measure, time or currency («الساعات», «ريال», «مليون»),
 * the article allowed? Such a name is read as the noun unless something shows it is the name.
 */
export function isUnitNoun(word: string): boolean {
  const bare = word.startsWith('ال') && word.length > 3 ? word.slice(2) : word;
  return NUMBER_WORDS.has(bare) || MEASURE_UNITS.has(bare) || TIME_AND_CURRENCY.has(bare);
}

/** Do the folded words make a quantity of something measured: digits or a number word, then a unit («16 مترا»)? */
export function isMeasurement(words: readonly string[]): boolean {
  const [amount, unit] = words;
  if (amount === undefined || unit === undefined) return false;
  return (/^\d+([.,]\d+)?$/.test(amount) || NUMBER_WORDS.has(amount)) && MEASURE_UNITS.has(unit);
}

/**
 * The names a folded single word could be the adjective of relation of: places («برتغالي» of
 * «البرتغال», «عراقية» of «العراق», «إيطالي» of «إيطاليا», «أمريكي» of «أمريكا») and, for the
 * singular, the group its plural names («صليبي» of «الصليبيين»). Only the endings «ـي», «ـية»,
 * «ـيون», «ـيين»; the caller checks the candidates against its registry.
 */
export function nisbaBases(word: string): { places: string[]; groups: string[] } {
  const bare = word.startsWith('ال') ? word.slice(2) : word;
  const m = /^(.{3,})(يه|يون|يين|ي)$/.exec(bare);
  if (!m) return { places: [], groups: [] };
  const base = m[1]!;
  const groups = m[2] === 'ي' || m[2] === 'يه' ? [`${base}يين`, `${base}يون`, `ال${base}يين`, `ال${base}يون`] : [];
  return { places: [base, `ال${base}`, `${base}يا`, `${base}ا`], groups };
}
