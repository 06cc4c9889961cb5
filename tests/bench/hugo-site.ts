/**
 * The benchmark's reference point: an equivalent minimal Hugo site built from the same content
 * folder. Articles are copied as they are (our front matter is valid Hugo front matter, and
 * `people`/`places` hold ids, which become taxonomy terms); each registry entry becomes its
 * term's `_index.md`, so term pages carry the Arabic name as Hugo's term metadata does.
 *
 * Photos (issue 14) are processed as a Hugo developer would: each article's photos are copied
 * into `assets/` under the article's path (our articles are single files, not page bundles, so
 * `resources.Get` is how their templates reach them), and a partial makes the same widths as
 * ours with `.Resize`, as WebP and a JPEG fallback (Hugo 0.111 has no AVIF encoder), with
 * `srcset`, `sizes`, `width` and `height`; lists show the 400-pixel WebP, and the article's head
 * its 1200-pixel JPEG as `og:image`. Hugo caches what it made in resources/_gen/.
 *
 * An article links its people and places the way a Hugo developer who knows Hugo's costs writes
 * it: each id in its front matter looked up with `site.GetPage` (issue 16). `.GetTerms`, the
 * obvious way, walks every term of the taxonomy for every page, and at 10,000 articles made the
 * same site 1.5–1.8× slower; it stays as a second reference (`links: 'get-terms'`) so both
 * rows can be compared in one run.
 *
 * Written for Debian's Hugo 0.111.3 (`apt-get install -y hugo`); no theme, no modules.
 */
import fs from 'node:fs';
import path from 'node:path';

/**
 * Pages as in our site: 20 per page, articles at /YYYY/MM/<slug>/, feeds of the newest 20
 * (Hugo's default RSS holds every page, which at 10k articles would not be equivalent).
 */
const CONFIG = `baseURL = "https://archive.example.org/"
languageCode = "ar"
defaultContentLanguage = "ar"
title = "أرشيف الأخبار"
paginate = 20
enableRobotsTXT = true

[taxonomies]
  person = "people"
  place = "places"

[permalinks]
  articles = "/:year/:month/:slug/"

[services.rss]
  limit = 20
`;

const LAYOUTS: Record<string, string> = {
  '_default/baseof.html': `<!doctype html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} — {{ end }}{{ .Site.Title }}</title>
<link rel="canonical" href="{{ .Permalink }}">
{{ if .IsPage }}{{ with .Params.image }}{{ with resources.Get (path.Join (path.Dir $.File.Path) .src) }}{{ $shared := . }}{{ if ge .Width 1200 }}{{ $shared = .Resize "1200x jpg q80" }}{{ end }}<meta property="og:image" content="{{ $shared.Permalink }}"><meta property="og:image:width" content="{{ $shared.Width }}"><meta property="og:image:height" content="{{ $shared.Height }}">{{ end }}{{ end }}{{ end }}
{{ with .OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" href="{{ .RelPermalink }}">{{ end }}
</head>
<body>
<header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a> · <a href="{{ "/people/" | relURL }}">الأشخاص</a> · <a href="{{ "/places/" | relURL }}">الأماكن</a></header>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
`,
  // An article: title, date, source, its people and places, the body.
  '_default/single.html': `{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
{{ with .Params.image }}{{ $photo := . }}{{ with resources.Get (path.Join (path.Dir $.File.Path) .src) }}<figure>{{ partial "picture.html" (dict "img" . "alt" $photo.alt "lead" true) }}<figcaption>{{ with $photo.caption }}{{ . }} {{ end }}{{ with $photo.credit }}تصوير: {{ . }}{{ end }}</figcaption></figure>{{ end }}{{ end }}
<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2006-01-02" }}</time>{{ with .Params.source }} · {{ . }}{{ end }}</p>
TERM_LINKS
{{ .Content }}
</article>
{{ end }}
`,
  // Home and sections: newest articles first, paginated.
  '_default/list.html': `{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ $pages := .Pages }}{{ if .IsHome }}{{ $pages = where .Site.RegularPages "Section" "articles" }}{{ end }}
{{ $pager := .Paginate $pages.ByDate.Reverse }}
{{ partial "items.html" $pager.Pages }}
{{ template "_internal/pagination.html" . }}
{{ end }}
`,
  // A person's or a place's page: its description and its articles, paginated.
  '_default/term.html': `{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ with .Params.latin }}<p dir="ltr">{{ . }}</p>{{ end }}
{{ with .Params.description }}<p>{{ . }}</p>{{ end }}
{{ partial "items.html" .Paginator.Pages }}
{{ template "_internal/pagination.html" . }}
{{ end }}
`,
  // The people and places indexes: every term with its number of articles.
  '_default/terms.html': `{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>
{{ end }}
`,
  'partials/items.html': `<ol>{{ range . }}{{ $page := . }}<li>{{ with .Params.image }}{{ with resources.Get (path.Join (path.Dir $page.File.Path) .src) }}{{ $thumb := .Resize "400x webp q76" }}<img src="{{ $thumb.RelPermalink }}" width="{{ $thumb.Width }}" height="{{ $thumb.Height }}" alt="" loading="lazy">{{ end }}{{ end }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time><p>{{ .Summary | plainify | truncate 220 }}</p></li>{{ end }}</ol>
`,
  // A photo as ours makes it: the standard widths it is as wide as, and its own when well beyond them.
  'partials/picture.html': `{{ $img := .img }}{{ $widths := slice }}{{ range slice 400 800 1200 1600 }}{{ if le . $img.Width }}{{ $widths = $widths | append . }}{{ end }}{{ end }}{{ if eq (len $widths) 0 }}{{ $widths = slice $img.Width }}{{ else }}{{ $widest := index $widths (sub (len $widths) 1) }}{{ if and (lt $widest 1600) (gt (float $img.Width) (mul 1.2 $widest)) }}{{ $widths = $widths | append $img.Width }}{{ end }}{{ end }}{{ $webp := slice }}{{ $jpeg := slice }}{{ $fallback := $img }}{{ range $widths }}{{ $w := $img.Resize (printf "%dx webp q76" .) }}{{ $webp = $webp | append (printf "%s %dw" $w.RelPermalink .) }}{{ $j := $img.Resize (printf "%dx jpg q80" .) }}{{ $jpeg = $jpeg | append (printf "%s %dw" $j.RelPermalink .) }}{{ $fallback = $j }}{{ end }}<picture><source type="image/webp" srcset="{{ delimit $webp ", " }}" sizes="(min-width: 800px) 756px, 100vw"><img src="{{ $fallback.RelPermalink }}" srcset="{{ delimit $jpeg ", " }}" sizes="(min-width: 800px) 756px, 100vw" width="{{ $fallback.Width }}" height="{{ $fallback.Height }}" alt="{{ .alt }}"{{ if .lead }} fetchpriority="high"{{ else }} loading="lazy" decoding="async"{{ end }}></picture>`,
  // A figure in the text: the same picture, the title its caption.
  '_default/_markup/render-image.html': `{{ $img := resources.Get (path.Join (path.Dir .Page.File.Path) .Destination) }}{{ with $img }}<figure>{{ partial "picture.html" (dict "img" . "alt" $.Text "lead" false) }}{{ with $.Title }}<figcaption>{{ . }}</figcaption>{{ end }}</figure>{{ else }}<img src="{{ .Destination }}" alt="{{ .Text }}">{{ end }}`,
};

/** How an article links its terms: by id with `site.GetPage` (fast), or with `.GetTerms` (the obvious way). */
export type TermLinks = 'get-page' | 'get-terms';

const TERM_LINKS: Record<TermLinks, string> = {
  'get-page': ['people', 'places']
    .map((t) => `<ul>{{ range .Params.${t} }}{{ with site.GetPage (printf "/${t}/%s" (urlize .)) }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}{{ end }}</ul>`)
    .join('\n'),
  'get-terms': ['people', 'places'].map((t) => `<ul>{{ range .GetTerms "${t}" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>`).join('\n'),
};

/** Front matter fields renamed for Hugo: `aliases` (URL redirects there) and `kind` (page kind) are reserved. */
const RENAMED: Record<string, string> = { name: 'title', aliases: 'names', kind: 'placeKind' };

/** A registry entry as its taxonomy term's `_index.md`: same fields, Hugo's reserved names avoided. */
function termIndex(registryFile: string): string {
  const text = fs.readFileSync(registryFile, 'utf8');
  return text.replace(/^(\w+):/gm, (whole, key: string) => (RENAMED[key] ? `${RENAMED[key]}:` : whole));
}

/** A photo, by its name. */
const PHOTO = /\.(jpe?g|png|webp)$/i;

/** Where a content file goes in the Hugo site: articles to content/, their photos to assets/ under the same path. */
function hugoPath(contentDir: string, siteDir: string, file: string): string | undefined {
  const rel = path.relative(contentDir, file).split(path.sep);
  if (rel[0] === 'articles' && PHOTO.test(file)) return path.join(siteDir, 'assets', ...rel);
  if (rel[0] === 'articles') return path.join(siteDir, 'content', ...rel);
  if ((rel[0] === 'people' || rel[0] === 'places') && rel.length === 2) return path.join(siteDir, 'content', rel[0], rel[1]!.replace(/\.md$/, ''), '_index.md');
  return undefined;
}

/** Brings the Hugo site's copy of one content file up to date (written, rewritten or removed). */
export function mirrorFile(contentDir: string, siteDir: string, file: string) {
  const target = hugoPath(contentDir, siteDir, file);
  if (!target) return;
  if (!fs.existsSync(file)) {
    fs.rmSync(target, { force: true });
    return;
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  if (target.endsWith('_index.md')) fs.writeFileSync(target, termIndex(file));
  else if (PHOTO.test(file)) {
    // A photo is linked, not copied: the corpus's photos are a few gigabytes.
    fs.rmSync(target, { force: true });
    try {
      fs.linkSync(file, target);
    } catch {
      fs.copyFileSync(file, target);
    }
  } else fs.copyFileSync(file, target);
}

/** Writes the whole Hugo site for a content folder into `siteDir` (its content/ rewritten; public/ kept). */
export function writeHugoSite(contentDir: string, siteDir: string, links: TermLinks = 'get-page') {
  fs.rmSync(path.join(siteDir, 'content'), { recursive: true, force: true });
  fs.rmSync(path.join(siteDir, 'layouts'), { recursive: true, force: true });
  fs.rmSync(path.join(siteDir, 'assets'), { recursive: true, force: true });
  fs.mkdirSync(siteDir, { recursive: true });
  fs.writeFileSync(path.join(siteDir, 'config.toml'), CONFIG);
  for (const [file, text] of Object.entries(LAYOUTS)) {
    fs.mkdirSync(path.dirname(path.join(siteDir, 'layouts', file)), { recursive: true });
    fs.writeFileSync(path.join(siteDir, 'layouts', file), text.replace('TERM_LINKS', TERM_LINKS[links]));
  }
  for (const [section, title] of [['people', 'الأشخاص'], ['places', 'الأماكن']] as const) {
    fs.mkdirSync(path.join(siteDir, 'content', section), { recursive: true });
    fs.writeFileSync(path.join(siteDir, 'content', section, '_index.md'), `---\ntitle: ${title}\n---\n`);
  }
  for (const entry of fs.readdirSync(contentDir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && (entry.name.endsWith('.md') || PHOTO.test(entry.name))) mirrorFile(contentDir, siteDir, path.join(entry.parentPath, entry.name));
  }
}

// `node tests/bench/hugo-site.ts <content dir> <site dir>`: writes the site, for trying it by hand.
if (process.argv[1] === import.meta.filename) {
  const [contentDir, siteDir, links = 'get-page'] = process.argv.slice(2);
  if (!contentDir || !siteDir || (links !== 'get-page' && links !== 'get-terms')) {
    console.error('usage: node tests/bench/hugo-site.ts <content dir> <site dir> [get-page|get-terms]');
    process.exit(2);
  }
  writeHugoSite(path.resolve(contentDir), path.resolve(siteDir), links);
  console.log(`Hugo site written to ${siteDir}; build it with: hugo -s ${siteDir}`);
}
