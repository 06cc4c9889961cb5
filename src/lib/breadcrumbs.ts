/** The breadcrumb trails of articles and entity pages: shown on the page and given as JSON-LD. */
import type { Article } from '../archive/model/article.ts';
import type { Entity, PlaceRef } from '../archive/model/registry.ts';
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

/** Home › people › the person; Home › places › country › … › the place. */
export function entityTrail(entity: Entity, ancestors: readonly PlaceRef[]): Crumb[] {
  if (entity.entity === 'person') {
    return [
      { name: ar.home, path: paths.home() },
      { name: ar.people, path: paths.people() },
      { name: entity.name, path: paths.person(entity.id) },
    ];
  }
  const outer = [...ancestors].reverse();
  return [
    { name: ar.home, path: paths.home() },
    { name: ar.places, path: paths.places() },
    ...outer.map((p) => ({ name: p.name, path: paths.place(p.id) })),
    { name: entity.name, path: paths.place(entity.id) },
  ];
}
