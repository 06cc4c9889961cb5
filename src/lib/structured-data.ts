/**
 * schema.org JSON-LD for search engines: NewsArticle on article pages, Person and Place on
 * entity pages, BreadcrumbList on both. Built as plain objects; `jsonLdScript` serialises them
 * so that no value can close the script element.
 */
import { kindOf } from '../archive/kinds.ts';
import type { Article } from '../archive/model/article.ts';
import type { Entity, EntityRef, PlaceRef } from '../archive/model/registry.ts';
import type { Crumb } from './breadcrumbs.ts';
import { paths } from '../archive/urls.ts';
import { absolute, site } from './site.ts';

type Json = Record<string, unknown>;

/** A person or place as schema.org sees it when another page names it. */
export function entityJson(entity: EntityRef): Json {
  return {
    '@type': kindOf(entity).schemaOrgType,
    name: entity.name,
    url: absolute(paths.entity(entity)),
    ...(entity.wikidata ? { sameAs: [`https://www.wikidata.org/wiki/${entity.wikidata}`] } : {}),
  };
}

/** NewsArticle: headline, dates, language, publisher and source, people and places. */
export function articleJson(article: Article, people: readonly EntityRef[], places: readonly EntityRef[]): Json {
  const { settings } = site().config;
  const entities = [...people, ...places];
  const tagged = new Set(article.tagged);
  const key = (e: EntityRef) => `${e.entity}:${e.id}`;
  const about = entities.filter((e) => tagged.has(key(e)));
  const mentions = entities.filter((e) => !tagged.has(key(e)));
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.summary,
    // As the editor wrote it: a date, or a date-time with its offset.
    datePublished: article.date.hasTime ? article.date.source.trim() : article.date.isoDate,
    ...(article.updated ? { dateModified: article.updated.hasTime ? article.updated.source.trim() : article.updated.isoDate } : {}),
    inLanguage: 'ar',
    url: absolute(article.path),
    mainEntityOfPage: absolute(article.path),
    publisher: { '@type': 'Organization', name: settings.title, url: absolute('/') },
    ...(article.author ? { author: { '@type': 'Person', name: article.author } } : {}),
    ...(article.source || article.sourceUrl
      ? { isBasedOn: { '@type': 'NewsArticle', ...(article.sourceUrl ? { url: article.sourceUrl } : {}), ...(article.source ? { publisher: { '@type': 'Organization', name: article.source } } : {}) } }
      : {}),
    ...(about.length ? { about: about.map((e) => entityJson(e)) } : {}),
    ...(mentions.length ? { mentions: mentions.map((e) => entityJson(e)) } : {}),
  };
}

/** A Person or Place page's own description: names, description, coordinates, containing place. */
export function entityPageJson(entity: Entity, parent?: PlaceRef): Json {
  const alternateName = [entity.latin, ...entity.aliases].filter(Boolean);
  const extra: Json = { ...(alternateName.length ? { alternateName } : {}), ...(entity.description ? { description: entity.description } : {}) };
  if (entity.entity === 'place') {
    if (entity.coordinates) extra['geo'] = { '@type': 'GeoCoordinates', latitude: entity.coordinates[0], longitude: entity.coordinates[1] };
    if (parent) extra['containedInPlace'] = entityJson(parent);
  }
  return { '@context': 'https://schema.org', ...entityJson(entity), ...extra };
}

/** BreadcrumbList of a trail. */
export function breadcrumbJson(trail: Crumb[]): Json {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((crumb, i) => ({ '@type': 'ListItem', position: i + 1, name: crumb.name, item: absolute(crumb.path) })),
  };
}

/** JSON for a `<script type="application/ld+json">`: `<`, `>` and `&` escaped so nothing can end the element. */
export function jsonLdScript(data: Json[]): string {
  return JSON.stringify(data.length === 1 ? data[0] : data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026');
}
