/**
 * Page views are pure functions of the Archive (src/archive/views/), tested here without Astro;
 * and nothing that renders a page looks anything up in the Archive itself.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBuildConfig } from '../../src/archive/config.ts';
import { loadArchive } from '../../src/archive/load.ts';
import * as views from '../../src/archive/views/pages.ts';
import { ROOT } from '../helpers/content.ts';

const seed = loadArchive(readBuildConfig({ ARCHIVE_CONTENT_DIR: path.join(ROOT, 'content') }, ROOT)).archive!;
const kinds = loadArchive(readBuildConfig({ ARCHIVE_CONTENT_DIR: path.join(ROOT, 'tests/fixtures/kinds'), ARCHIVE_SETTINGS: path.join(ROOT, 'tests/fixtures/settings/kinds.ts') }, ROOT)).archive!;

describe('page views', () => {
  it('give the article page its entries kind by kind, its places for the map and its neighbours', () => {
    const [page] = views.articlePages(seed);
    expect(page!.path).toBe('/2021/04/boukadoum-tripoli/');
    expect(page!.params).toEqual({ year: '2021', month: '04', slug: 'boukadoum-tripoli' });
    const { view } = page!.props;
    expect(view.groups.map((g) => [g.kind, g.label, g.schemaOrgType, g.refs.length])).toEqual([
      ['person', 'الأشخاص', 'Person', 7],
      ['place', 'الأماكن', 'Place', 6],
      ['organisation', 'المؤسسات', 'Organization', 5],
    ]);
    expect(view.places.map((p) => p.id)).toContain('tripoli');
    expect(view.older).toBeUndefined();
    expect(view.hijri).toEqual({ year: 1442, month: 9 });
  });

  it('give an entry page its kind, its parent chain, its country and what it contains', () => {
    const pages = new Map(views.entityPages(kinds).map((p) => [p.path, p.props.view]));
    const ministry = pages.get('/organisations/algeria-foreign-ministry/')!;
    expect(ministry.kind.id).toBe('organisation');
    expect(ministry.ancestors.map((a) => a.id)).toEqual(['algerian-government']);
    expect(ministry.country?.id).toBe('algeria');
    expect(pages.get('/organisations/algerian-government/')!.children.map((c) => c.id)).toEqual(['algeria-foreign-ministry']);
    const politics = pages.get('/sections/politics/')!;
    expect(politics.kind).toMatchObject({ family: 'term', folder: 'sections' });
    expect(politics.listing.total).toBe(2);
    expect(politics.listing.page.items.every((i) => i.relation?.tagged)).toBe(true);
  });

  it('write a feed for each entry of a kind with feeds only, with each article’s entries as categories', () => {
    const feeds = views.entityFeeds(kinds).map((f) => f.path);
    expect(feeds).toContain('/sections/politics/feed.xml');
    expect(feeds.some((f) => f.startsWith('/topics/'))).toBe(false);
    const site = views.siteFeed(kinds);
    expect(site.entity).toBeUndefined();
    const crossing = site.items.find((i) => i.article.slug === 'crossing')!;
    expect(crossing.categories).toEqual(expect.arrayContaining(['ليبيا', 'الحكومة الجزائرية', 'اقتصاد', 'سياسة', 'المعابر الحدودية']));
  });

  it('give each kind an index by letter, and the search page a filter per kind that has named entries', () => {
    const index = new Map(views.kindIndexPages(kinds).map((p) => [p.path, p.props.view]));
    expect([...index.keys()]).toEqual(['/people/', '/places/', '/organisations/', '/sections/', '/topics/']);
    expect(index.get('/places/')!.mapped.map((m) => m.place.id).sort()).toEqual(['algeria', 'libya', 'madrid']);
    expect(index.get('/sections/')!.mapped).toEqual([]);
    const search = views.searchView(kinds);
    expect(search.filters.map((f) => f.kind.id)).toEqual(['person', 'place', 'organisation', 'sections', 'topics']);
    expect(search.shards).toEqual(['2021-04-2021-06']);
  });

  it('are the same whenever they are computed from the same Archive', () => {
    expect(JSON.stringify(views.entityPages(seed))).toBe(JSON.stringify(views.entityPages(seed)));
    expect(JSON.stringify(views.yearPages(seed))).toBe(JSON.stringify(views.yearPages(seed)));
  });
});

describe('what renders a page', () => {
  /** Every layout, component and helper a layout calls: none may reach the Archive. */
  const files = ['src/layouts', 'src/components']
    .flatMap((dir) => fs.readdirSync(path.join(ROOT, dir)).map((f) => path.join(dir, f)))
    .concat(['src/lib/structured-data.ts', 'src/lib/feeds.ts', 'src/lib/breadcrumbs.ts', 'src/lib/maps.ts']);

  it('never looks anything up in the Archive: what a page shows comes in its props', () => {
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
      expect(text, file).not.toMatch(/\barchive\(\)/);
      expect(text, file).not.toMatch(/import[^;]*\barchive\b[^;]*from '[^']*site\.ts'/);
      // Types are fine; a value import of the Archive or the loader is a lookup waiting to happen.
      expect(text, file).not.toMatch(/^import (?!type )[^;]*from '[^']*archive\/(load|archive)\.ts'/m);
      // Nor the routes' views, which compute from the Archive (a page passes what they give).
      expect(text, file).not.toMatch(/^import (?!type )[^;]*from '[^']*lib\/routes\.ts'/m);
    }
  });

  it('reaches the Archive from the routes only, through one module', () => {
    const callers = fs
      .readdirSync(path.join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(ts|astro|mjs)$/.test(f))
      .filter((f) => /\barchive\(\)/.test(fs.readFileSync(path.join(ROOT, 'src', f), 'utf8')));
    expect(callers.sort()).toEqual(['lib/routes.ts', 'lib/site.ts']);
    const globals = fs
      .readdirSync(path.join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(ts|astro|mjs)$/.test(f))
      .filter((f) => /\bglobalThis\b/.test(fs.readFileSync(path.join(ROOT, 'src', f), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')));
    expect(globals).toEqual(['archive/build/handoff.ts']);
  });
});
