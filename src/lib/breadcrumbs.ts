/** The breadcrumb trails of articles and entity pages: shown on the page and given as JSON-LD. */
import type { KindDescription } from '../archive/kinds.ts';
import type { Article } from '../archive/model/article.ts';
import type { Entity, EntityRef } from '../archive/model/registry.ts';
import { monthName } from '../archive/text/dates.ts';
import { paths } from '../archive/urls.ts';
import { ar } from '../i18n/ar.ts';
import { dateStyle, ordinal } from './site.ts';

/** One step of a trail: a name and its site-relative path. */
export interface Crumb {
  name: string;
  path: string;
}

/** Home › year › month › the article. */
export function articleTrail(article: Article): Crumb[] {
  const { year, month } = article.date;
  return [
    { name: ar.home, path: paths.home() },
    { name: ordinal(year), path: paths.year(year) },
    { name: monthName(month, dateStyle()), path: paths.month(year, month) },
    { name: article.title, path: article.path },
  ];
}

/** Home › people › the person; Home › places › country › … › the place (kinds with a hierarchy: a ministry under its government). */
export function entityTrail(entity: Entity, kind: KindDescription, ancestors: readonly EntityRef[]): Crumb[] {
  const outer = kind.hierarchy ? [...ancestors].reverse() : [];
  return [
    { name: ar.home, path: paths.home() },
    { name: kind.labels.plural, path: paths.kindIndex(kind.id) },
    ...outer.map((p) => ({ name: p.name, path: paths.entity(p) })),
    { name: entity.name, path: paths.entity(entity) },
  ];
}
