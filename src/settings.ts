import type { ConfiguredKind } from './archive/kinds.ts';

/**
 * Site settings: the one typed file an archive's owner edits to make the site theirs.
 * Build-time locations (content folder, output folder, origin, base path) come from the
 * environment instead, see `src/archive/config.ts`.
 */
export interface SiteSettings {
  /** Site name, shown in the header and in every page title. */
  title: string;
  /** One sentence about the archive, for the home page and `<meta name="description">`. */
  description: string;
  /** BCP 47 locale for month and weekday names: `ar` gives أبريل, `ar-SY` gives نيسان. */
  locale: string;
  /** Digits for dates and counts: `latn` (0-9, as in Maghreb and most news sites) or `arab` (٠-٩). */
  numberingSystem: 'latn' | 'arab';
  /** IANA time zone that turns an article's date-time into its calendar date (URL and display). */
  timeZone: string;
  /** Articles per listing page (home, archives, person and place pages). */
  pageSize: number;
  /**
   * The language of the messages editors read from the build, the checker and the dev
   * server: `en` or `ar` (the rule ids are the same). `--lang` on a command overrides it.
   */
  messages: 'en' | 'ar';
  /** Count an adjective (الليبية) as a mention of its place? Off: demonyms only help tell places apart. */
  countDemonyms: boolean;
  /**
   * Phrases inside which no registry name is a mention, whatever the registry says: names of
   * organisations and set expressions that contain a country's name. Entries add their own
   * with `stopPhrases:`.
   */
  stopPhrases: string[];
  /**
   * Kinds of entry this site adds to people, places and organisations: each gets a folder
   * `content/<id>/`, a front-matter field `<id>:` on articles, an index `/<id>/`, a page and a
   * feed per entry, a search filter and JSON-LD. For example sections:
   * `{ id: 'sections', singular: 'قسم', plural: 'الأقسام' }` (front matter only), or topics with
   * `matchText: true` to find their names in the text as well.
   */
  kinds: ConfiguredKind[];
}

/** The settings of this archive. */
export const settings: SiteSettings = {
  title: 'أرشيف الأخبار',
  description: 'أرشيف عربي للأخبار: المقالات والأشخاص والأماكن التي تذكرها.',
  locale: 'ar',
  numberingSystem: 'latn',
  timeZone: 'Africa/Tripoli',
  pageSize: 20,
  messages: 'en',
  countDemonyms: false,
  stopPhrases: [
    'المغرب العربي', // the Maghreb (اتحاد المغرب العربي, دول المغرب العربي), not Morocco
    'صلاة المغرب', // the sunset prayer
    'أذان المغرب',
  ],
  kinds: [],
};
