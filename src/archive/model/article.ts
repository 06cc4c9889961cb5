import { z } from 'zod';
import { httpUrl, nameList, optionalText, requiredText } from './fields.ts';
import type { KindId, Kinds } from '../kinds.ts';
import type { ArticleDate } from '../text/dates.ts';
import type { PublishedImage } from '../media/published-image.ts';
import { LeadImageSchema, type LeadImage } from './lead-image.ts';

export { FOCUS_VALUES, LeadImageSchema, type LeadImage } from './lead-image.ts';



/** The front matter of an article file, as editors write it (see content-format.md). */
export const ArticleFrontMatterSchema = z.object({
  /** Headline, shown as the page's `<h1>` and in every list. */
  title: requiredText(),
  /** Publication date: `YYYY-MM-DD` or an ISO 8601 date-time with offset; checked by `parseArticleDate`. */
  date: z.string(),
  /** Last segment of the URL; default: the file name. */
  slug: optionalText(),
  /** One or two sentences for lists and meta tags; default: the first paragraph. */
  summary: optionalText(),
  /** The publication the article comes from. */
  source: optionalText(),
  /** Absolute http(s) URL of the original. */
  sourceUrl: httpUrl().optional(),
  /** The byline. */
  author: optionalText(),
  /** Date of the last correction, same forms as `date`. */
  updated: z.string().optional(),
  /** The lead photo, under the headline and on sharing cards. */
  image: LeadImageSchema.optional(),
  /** A draft is left out of the build. */
  draft: z.boolean().optional().default(false),
});

/**
 * The front matter of an article on a site with these kinds: the fields above, plus one list of
 * references per kind (`people`, `places`, `organisations`, and each configured kind's field),
 * each an id, name or alias from that kind's registry.
 */
export function articleFrontMatterSchema(kinds: Kinds): typeof ArticleFrontMatterSchema {
  // Typed as the common schema: the kinds' fields are known only at run time, and read by field name.
  return ArticleFrontMatterSchema.extend(Object.fromEntries(kinds.all.map((kind) => [kind.field, nameList()]))) as unknown as typeof ArticleFrontMatterSchema;
}

/** Front matter after validation (the common fields; the references by kind are read by field name). */
export type ArticleFrontMatter = z.output<typeof ArticleFrontMatterSchema>;


/** An article ready for the Archive: validated, references resolved, body rendered. */
export interface Article {
  /** Source path relative to the content folder, with `/` separators: the article's identity. */
  sourcePath: string;
  /** A digest of everything below: pages that show the article change exactly when it does. */
  revision: string;
  /** Headline. */
  title: string;
  /** Publication date. */
  date: ArticleDate;
  /** Date of the last correction, if any. */
  updated: ArticleDate | undefined;
  /** Last URL segment (NFC). */
  slug: string;
  /** Site-relative path, e.g. `/2021/04/boukadoum-tripoli/` (not percent-encoded). */
  path: string;
  /** Summary: from front matter or the first paragraph, as plain text. */
  summary: string;
  /** Publication name. */
  source: string | undefined;
  /** URL of the original. */
  sourceUrl: string | undefined;
  /** Byline. */
  author: string | undefined;
  /**
   * The ids of the entries it is about, by kind (`person`, `place`, `organisation`, configured
   * kinds): tagged in front matter first, then found in the text in order of first mention.
   * Kinds with none are left out.
   */
  entries: Partial<Record<KindId, string[]>>;
  /** Entry keys (`person:<id>`, `place:<id>`) the editor tagged in front matter. */
  tagged: string[];
  /** How many times each entry (by key) is mentioned in the title, summary and body. */
  mentionCounts: Record<string, number>;
  /** Rendered body HTML. */
  html: string;
  /** The lead photo. */
  image: LeadImage | undefined;
  /** Every picture it shows, the lead first: what the media stage makes files of. */
  pictures: PublishedImage[];
  /** The title, summary and body as search keys, for the search index. */
  searchText: string;
  /**
   * A digest of what its search record holds (src/archive/output/search-index.ts): unlike the
   * revision, it stays when only the article's links change.
   */
  searchRevision: string;
}
